# shellcheck shell=bash
# Shared by deploy/local/{up,down,test,bench}: idempotent "make sure X is there" steps for
# a single Debian host. Each function is silent when there is nothing to do, and records
# what it had to start in $WINDLASS_STATE/started so that `down` stops exactly that.
set -euo pipefail

WINDLASS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# tests keep what they start apart from a developer's `up` by giving a state directory of their own
WINDLASS_STATE="${WINDLASS_STATE:-$WINDLASS_ROOT/deploy/local/.state}"
# shellcheck disable=SC2034 # used by the scripts that source this file
WINDLASS_SERVICES=(api-service conductor-service scheduler-service compute-agent)
mkdir -p "$WINDLASS_STATE/logs"

log() { printf '[windlass] %s\n' "$*" >&2; }
# The project's version (the root pom's first <version>): the tag of the container images.
project_version() { sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$WINDLASS_ROOT/pom.xml" | head -n1; }
die() { printf '[windlass] ERROR: %s\n' "$*" >&2; exit 1; }

# SIGTERM lets a process shut down cleanly (Quarkus closes AMQP and finishes in-flight work,
# dockerd stops its containers' shims); KILL after 20 s.
stop_pid() {
  local name=$1 pid=$2
  kill -TERM "$pid" 2>/dev/null || return 0
  local deadline=$((SECONDS + 20))
  while pid_alive "$pid"; do
    if ((SECONDS >= deadline)); then
      log "$name did not stop within 20 s; killing it"
      kill -KILL "$pid" 2>/dev/null || true
      break
    fi
    sleep 0.2
  done
  log "stopped $name"
}

# Records that `up` started something, once.
mark_started() {
  touch "$WINDLASS_STATE/started"
  grep -qx "$1" "$WINDLASS_STATE/started" || echo "$1" >>"$WINDLASS_STATE/started"
}
was_started() { [[ -f "$WINDLASS_STATE/started" ]] && grep -qx "$1" "$WINDLASS_STATE/started"; }
unmark_started() {
  [[ -f "$WINDLASS_STATE/started" ]] || return 0
  local rest; rest="$(grep -vx "$1" "$WINDLASS_STATE/started" || true)"
  printf '%s' "${rest:+$rest$'\n'}" >"$WINDLASS_STATE/started"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Waits until "$@" succeeds, polling every half second, for at most $1 seconds.
wait_for() {
  local seconds=$1; shift
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    ((SECONDS < deadline)) || return 1
    sleep 0.5
  done
}

# The apps need a JVM 22+ (the api-service calls OpenSSL through the foreign function API);
# Debian 12's default java is 17, so pick Temurin explicitly.
select_jdk() {
  local candidate=/usr/lib/jvm/temurin-25-jdk-amd64
  if [[ ! -x "$candidate/bin/java" ]]; then
    candidate="$(find /usr/lib/jvm -maxdepth 1 -name 'temurin-2*-jdk-amd64' 2>/dev/null | sort | head -n1)"
  fi
  [[ -n "$candidate" && -x "$candidate/bin/java" ]] \
    || die "no JDK 22+ found: install Temurin 22 or newer under /usr/lib/jvm/temurin-<version>-jdk-amd64"
  export JAVA_HOME="$candidate"
  export PATH="$JAVA_HOME/bin:$PATH"
}

ensure_packages() {
  # the OpenStack clients are the system tests' acceptance check (OpenStackCliST): real clients
  # no one here wrote; `openstack` stands for all three packages. openssl makes x509 key pairs (as
  # Nova does); ssh-keygen checks the ssh ones in the tests; python3-websocket is the websocket client
  # python-zunclient needs for exec --interactive and attach (Debian only recommends it); nodejs
  # and npm build the web console (dashboard/) in the api-service's Maven build, and its browser
  # test (DashboardIT) drives Debian's chromium; docker-registry and apache2-utils (htpasswd -B) are
  # the private registry with a login that the agent's PrivateRegistryPullIT runs itself (the Debian
  # service is never started: the test runs the binary with its own configuration)
  local -A probe=([postgresql]=pg_ctlcluster [rabbitmq-server]=rabbitmq-server [docker.io]=dockerd
                  [busybox-static]=/bin/busybox [curl]=curl [python3-openstackclient]=openstack
                  [python3-zunclient]=openstack [python3-novaclient]=openstack
                  [python3-websocket]=wsdump
                  [openssl]=openssl [openssh-client]=ssh-keygen
                  [nodejs]=node [npm]=npm [chromium]=chromium
                  [docker-registry]=docker-registry [apache2-utils]=htpasswd)
  local missing=() pkg
  for pkg in "${!probe[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
      # a tool installed some other way (e.g. a newer docker) is good enough
      command -v "${probe[$pkg]}" >/dev/null 2>&1 || missing+=("$pkg")
    fi
  done
  ((${#missing[@]})) || return 0
  [[ $(id -u) -eq 0 ]] || die "missing packages (${missing[*]}); run as root or install them first"
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=600 update -q >/dev/null
  apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-upgrade "${missing[@]}" >/dev/null
}

pg_version() {
  local ver
  ver="$(pg_lsclusters -h 2>/dev/null | awk '$2 == "main" {print $1; exit}')"
  [[ -n "$ver" ]] || ver="$(find /etc/postgresql -mindepth 1 -maxdepth 1 -printf '%f\n' 2>/dev/null | sort -V | tail -n1)"
  [[ -n "$ver" ]] || die "no PostgreSQL cluster found under /etc/postgresql"
  echo "$ver"
}

psql_ok() { psql -h 127.0.0.1 -U postgres -w -Atqc 'select 1' >/dev/null 2>&1; }

ensure_postgres() {
  local ver
  if ! pg_isready -h 127.0.0.1 -p 5432 -q; then
    ver="$(pg_version)"
    log "starting PostgreSQL $ver"
    pg_ctlcluster --skip-systemctl-redirect "$ver" main start
    mark_started "postgres $ver"
    wait_for 60 pg_isready -h 127.0.0.1 -p 5432 -q || die "PostgreSQL did not become ready"
  fi
  if ! psql_ok; then
    # Debian ships scram-sha-256 on loopback; the services connect as postgres without a password
    ver="$(pg_version)"
    log "switching PostgreSQL loopback authentication to trust"
    sed -i -E 's/^(host\s+all\s+all\s+(127\.0\.0\.1\/32|::1\/128)\s+)(scram-sha-256|md5)/\1trust/' \
      "/etc/postgresql/$ver/main/pg_hba.conf"
    pg_ctlcluster --skip-systemctl-redirect "$ver" main reload
    wait_for 10 psql_ok || die "cannot connect to PostgreSQL as postgres on 127.0.0.1 without a password"
  fi
}

ensure_database() {
  local name=$1
  psql -h 127.0.0.1 -U postgres -w -Atqc "select 1 from pg_database where datname = '$name'" | grep -q 1 \
    || psql -h 127.0.0.1 -U postgres -w -qc "create database \"$name\"" >/dev/null
}

ensure_rabbitmq() {
  port_open 5672 && return 0
  log "starting RabbitMQ (10-20 s)"
  rabbitmq-server -detached >/dev/null 2>&1
  mark_started rabbitmq
  wait_for 90 port_open 5672 || die "RabbitMQ did not open port 5672 within 90 s"
  rabbitmqctl -q await_startup >/dev/null
}

ensure_docker() {
  docker info >/dev/null 2>&1 && return 0
  log "starting dockerd (log: $WINDLASS_STATE/logs/dockerd.log)"
  nohup dockerd --host=unix:///var/run/docker.sock >"$WINDLASS_STATE/logs/dockerd.log" 2>&1 &
  echo $! >"$WINDLASS_STATE/dockerd.pid"
  mark_started dockerd
  wait_for 60 docker info || die "dockerd did not answer within 60 s (see $WINDLASS_STATE/logs/dockerd.log)"
}

# No image registry is reachable, so busybox:latest is built from Debian's busybox-static.
ensure_image() {
  docker image inspect busybox:latest >/dev/null 2>&1 && return 0
  log "importing busybox:latest from /bin/busybox"
  local root applet
  root="$(mktemp -d)"
  mkdir -p "$root/bin" "$root/tmp"
  cp /bin/busybox "$root/bin/busybox"
  for applet in $("$root/bin/busybox" --list); do
    # the list contains "busybox" itself; linking it would replace the binary with a self-link
    [[ "$applet" == busybox ]] && continue
    ln -sf busybox "$root/bin/$applet"
  done
  tar -C "$root" -c . | docker import -c 'ENV PATH=/bin' -c 'CMD ["sh"]' - busybox:latest >/dev/null
  rm -rf "$root"
}

# The guest image Tempest boots, built from deploy/local/guest-image (busybox with a root user and
# chpasswd, as a cloud image has them). $1: the engine's docker -H argument.
GUEST_IMAGE=windlass-guest:latest
ensure_guest_image() {
  docker -H "$1" image inspect "$GUEST_IMAGE" >/dev/null 2>&1 && return 0
  log "building $GUEST_IMAGE on $1"
  local out
  # the engine's own builder (20.10 has no BuildKit here); its deprecation notice is only shown on failure
  out="$(DOCKER_BUILDKIT=0 docker -H "$1" build -q -t "$GUEST_IMAGE" "$WINDLASS_ROOT/deploy/local/guest-image" 2>&1)" \
    || die "building $GUEST_IMAGE on $1 failed: $out"
}

# HAProxy (Debian's package) in front of the api replicas of `up --replicas`.
ensure_haproxy() {
  command -v haproxy >/dev/null 2>&1 && return 0
  [[ $(id -u) -eq 0 ]] || die "haproxy is missing; run as root or install it first"
  log "installing haproxy"
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=600 update -q >/dev/null
  apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-upgrade haproxy >/dev/null
}

# Tempest (Debian's package) for deploy/local/tempest.
ensure_tempest() {
  command -v tempest >/dev/null 2>&1 && return 0
  [[ $(id -u) -eq 0 ]] || die "tempest is missing; run as root or install it first"
  log "installing tempest"
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=600 update -q >/dev/null
  apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-upgrade tempest >/dev/null
}

# Balances 127.0.0.1:$1 over the api replicas $2.. (ports), each health-checked on its readiness.
start_haproxy() {
  local cfg="$WINDLASS_STATE/haproxy.cfg" front=$1 port n=0
  shift
  {
    printf 'global\n  daemon\n  pidfile %s\n\n' "$WINDLASS_STATE/haproxy.pid"
    printf 'defaults\n  mode http\n  timeout connect 5s\n  timeout client 300s\n  timeout server 300s\n'
    # a replica that dies mid-request answers no more; retry another on connection failures
    printf '  retries 2\n  option redispatch\n\n'
    printf 'frontend windlass_api\n  bind 127.0.0.1:%s\n  default_backend api_replicas\n\n' "$front"
    printf 'backend api_replicas\n  balance roundrobin\n  option httpchk GET /q/health/ready\n'
    printf '  http-check expect status 200\n'
    for port in "$@"; do
      n=$((n + 1))
      printf '  server api%s 127.0.0.1:%s check inter 2s fall 2 rise 1\n' "$n" "$port"
    done
  } >"$cfg"
  haproxy -c -q -f "$cfg" || die "haproxy refuses $cfg"
  if [[ -f "$WINDLASS_STATE/haproxy.pid" ]] && pid_alive "$(cat "$WINDLASS_STATE/haproxy.pid")"; then
    # a running balancer takes the new replica list without dropping connections
    haproxy -f "$cfg" -sf "$(cat "$WINDLASS_STATE/haproxy.pid")"
  else
    haproxy -f "$cfg"
  fi
  log "HAProxy on 127.0.0.1:$front balances $# api replicas (config $cfg)"
}

stop_haproxy() {
  if [[ -f "$WINDLASS_STATE/haproxy.pid" ]]; then
    pid_alive "$(cat "$WINDLASS_STATE/haproxy.pid")" && stop_pid HAProxy "$(cat "$WINDLASS_STATE/haproxy.pid")"
    rm -f "$WINDLASS_STATE/haproxy.pid"
  fi
  return 0
}

# The web console's toolchain (dashboard/: Vite 8, Vitest 4, playwright-core) needs Node.js
# ^20.19 or >=22.12; Debian 12's own nodejs is 18, so a machine with it needs NodeSource's (or a
# newer Debian's) first. Said here rather than as Vite's error halfway through the build.
ensure_node() {
  local version major minor
  version="$(node --version 2>/dev/null)" || die "node is missing (apt-get install nodejs npm)"
  version="${version#v}" major="${version%%.*}" minor="${version#*.}" minor="${minor%%.*}"
  if ! (( (major == 20 && minor >= 19) || (major == 22 && minor >= 12) || major > 22 )); then
    die "Node.js $version is too old for dashboard/ (needs ^20.19 or >=22.12; Debian 12's nodejs is 18): install NodeSource's nodejs 20 or 22"
  fi
}

ensure_infrastructure() {
  ensure_packages
  ensure_node
  ensure_postgres
  ensure_rabbitmq
  ensure_docker
  ensure_image
}

# A service instance is a module name (api-service), or with `up --replicas` a module name and a
# replica number (api-service-2). Replicas of one module take ports of their own.
service_module() { [[ $1 =~ ^(.*)-([0-9]+)$ ]] && echo "${BASH_REMATCH[1]}" || echo "$1"; }

service_port() {
  local module replica=0
  module="$(service_module "$1")"
  [[ $1 =~ -([0-9]+)$ ]] && replica=${BASH_REMATCH[1]}
  case $module:$replica in
    api-service:0) echo 8774 ;;
    conductor-service:0) echo 8781 ;;
    scheduler-service:0) echo 8782 ;;
    compute-agent:0) echo 8783 ;;
    api-service:*) echo $((8800 + replica)) ;;
    conductor-service:*) echo $((8810 + replica)) ;;
    scheduler-service:*) echo $((8820 + replica)) ;;
    *) die "unknown service $1" ;;
  esac
}

# kill -0 is not enough: a killed service whose parent (`up`) is gone may linger as a zombie.
pid_alive() {
  local state
  state="$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null)" || return 1
  [[ -n "$state" && "$state" != Z ]]
}

# The pid of a running service instance, checked against its command line (module and port) so
# that a recycled pid, or another replica, is not taken for it.
service_pid() {
  local pidfile="$WINDLASS_STATE/$1.pid" pid cmdline
  [[ -f "$pidfile" ]] || return 1
  pid="$(cat "$pidfile")"
  [[ "$pid" =~ ^[0-9]+$ ]] && pid_alive "$pid" || return 1
  cmdline="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)" || return 1
  # a jar started here, or the docker CLI running the module's image (up --containers)
  grep -qE "$(service_module "$1")/target/quarkus-app/quarkus-run.jar|windlass/$(service_module "$1"):" \
    <<<"$cmdline" || return 1
  grep -q -- "-Dquarkus.http.port=$(service_port "$1") " <<<"$cmdline" || return 1
  echo "$pid"
}

# The instances whose pid files are here (what up started, whatever its flags were), for down.
started_instances() {
  local file
  for file in "$WINDLASS_STATE"/*-service*.pid "$WINDLASS_STATE"/compute-agent.pid; do
    [[ -f "$file" ]] && basename "$file" .pid
  done
  # the last test fails whenever there is no compute-agent.pid (up --hosts runs its agents in the
  # hosts): that status must not become the function's, which set -e turns into down's exit
  return 0
}

# The bootstrap admin's password: generated on the first `up` and kept, since the api-service
# only sets it when it creates the admin in an empty database.
# Broker users (docs/reliability.md, "Broker users"): one per service in a virtual host of
# Windlass' own; the control plane may use everything of the namespace, an agent only its own
# queue (and publish to the exchange). Passwords are random, kept in the state dir (0600), and
# handed to the services in WINDLASS_RPC_PASSWORD, not on the command line.
BROKER_VHOST=windlass

ensure_broker_vhost() {
  rabbitmqctl -q list_vhosts | grep -x "$BROKER_VHOST" >/dev/null || rabbitmqctl -q add_vhost "$BROKER_VHOST" >/dev/null
}

# ensure_broker_user USER CONFIGURE WRITE READ: the user with these permissions; prints its password.
ensure_broker_user() {
  local user=$1 file="$WINDLASS_STATE/broker/$1.password" password
  mkdir -p "$WINDLASS_STATE/broker"
  if [[ ! -s "$file" ]]; then
    (umask 077; head -c 24 /dev/urandom | base64 | tr -d '/+=\n' >"$file")
  fi
  chmod 600 "$file"
  password="$(cat "$file")"
  if rabbitmqctl -q list_users | awk '{print $1}' | grep -x "$user" >/dev/null; then
    rabbitmqctl -q change_password "$user" "$password" >/dev/null
  else
    rabbitmqctl -q add_user "$user" "$password" >/dev/null
  fi
  rabbitmqctl -q set_permissions -p "$BROKER_VHOST" "$user" "$2" "$3" "$4" >/dev/null
  echo "$password"
}

# The broker user of a control-plane service (api, conductor, scheduler): the namespace windlass.*.
control_broker_user() {
  ensure_broker_user "windlass-$1" '^windlass\..*$' '^(windlass\..*|amq\.default)$' '^windlass\..*$'
}

# The broker user of the agent of host $1: its own queue windlass.compute.<host> and its console
# sessions' queues windlass.compute.<host>.console.* (declared, read and deleted by it), publishing to
# the exchange and answering calls and sessions (amq.default); nothing else to read, declare or delete.
agent_broker_user() {
  local own
  own="windlass\.compute\.$(sed 's/[][\.^$*+?(){}|\/-]/\\&/g' <<<"$1")"
  ensure_broker_user "windlass-agent-$1" "^$own(\.console\..*)?\$" \
    "^(windlass\.rpc|$own(\.console\..*)?|amq\.default)\$" "^(windlass\.rpc|$own(\.console\..*)?)\$"
}

# The settings that make a service connect as USER (java -D arguments).
broker_props() {
  echo "-Dwindlass.rpc.username=$1" "-Dwindlass.rpc.virtual-host=$BROKER_VHOST"
}

ensure_admin_password() {
  local file="$WINDLASS_STATE/admin-password"
  if [[ ! -s "$file" ]]; then
    (umask 077; head -c 24 /dev/urandom | base64 | tr -d '/+=\n' >"$file")
  fi
  chmod 600 "$file"
  cat "$file"
}

# The key this deployment seals registry passwords under (windlass.registry.password-key, shared by the
# api-service and the conductor; docs/api-registries.md): 32 random bytes, base64, made once and kept, since
# a new key could not open the passwords sealed under the old one.
ensure_registry_key() {
  local file="$WINDLASS_STATE/registry-key"
  if [[ ! -s "$file" ]]; then
    (umask 077; head -c 32 /dev/urandom | base64 >"$file")
  fi
  chmod 600 "$file"
  cat "$file"
}

# deploy/local/openrc (git-ignored): what `openstack` needs to act as the admin of this Windlass.
write_openrc() {
  local password=$1 file="$WINDLASS_ROOT/deploy/local/openrc"
  (umask 077; cat >"$file" <<OPENRC
# Windlass on this host, as its bootstrap admin (written by deploy/local/up)
export OS_AUTH_URL=http://127.0.0.1:$(service_port api-service)/v3
export OS_USERNAME=admin
export OS_PASSWORD='$password'
export OS_PROJECT_NAME=admin
export OS_USER_DOMAIN_NAME=Default
export OS_PROJECT_DOMAIN_NAME=Default
export OS_IDENTITY_API_VERSION=3
export OS_REGION_NAME=RegionOne
OPENRC
  )
}

# What the jars of a build are made from: the commit, the changes to it and the files git does not
# track yet (not those it ignores: build output, node_modules, .state). Empty outside a git checkout.
source_stamp() {
  git -C "$WINDLASS_ROOT" rev-parse --verify -q HEAD >/dev/null 2>&1 || return 0
  {
    git -C "$WINDLASS_ROOT" rev-parse HEAD
    git -C "$WINDLASS_ROOT" diff HEAD --binary
    git -C "$WINDLASS_ROOT" ls-files -z --others --exclude-standard | (cd "$WINDLASS_ROOT" && xargs -0r sha256sum)
  } | sha256sum | cut -d' ' -f1
}

service_ready() { curl -fs -o /dev/null "http://127.0.0.1:$(service_port "$1")/q/health/ready"; }
