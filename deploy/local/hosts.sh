# Compute hosts of their own on this machine (sourced by up and down after lib.sh).
#
# Host i (1..N) is a network namespace wl-host-i, linked to the root namespace by a veth pair
# (root side 198.18.i.1/30, host side 198.18.i.2/30) and with no route beyond that link: nothing
# it runs can reach off the machine. Inside it runs a dockerd of its own (data, exec root, socket,
# pid file, bridge 198.19.i.1/24, cgroup parent; --live-restore, as production hosts run it, so
# that an engine upgrade or restart leaves the workloads running), with busybox:latest imported
# from the root engine. Its compute-agent runs inside the namespace too and reaches the broker over
# the link only: 198.18.i.1:5672 is a TCP forwarder (HAProxy) to RabbitMQ on the root namespace's
# loopback. Cutting the link (engine-host cut N) cuts the host off as a failed switch port would.
# 198.18.0.0/15 is the benchmarking range (RFC 2544): plainly a test network.
#
# The hosts reach each other (the underlay their tenant networks' VXLAN devices use, see
# docs/networking.md) through the root namespace, as hosts reach each other through a switch: each
# host routes 198.18.0.0/16 via the root end of its link, and the root namespace forwards between
# the wl-h* links only, from 198.18.0.0/16 to 198.18.0.0/16 (chain WINDLASS-UNDERLAY). Nothing else
# is forwarded: a host still has no route off the machine.

host_name() { echo "wl-host-$1"; }
host_dir() { echo "$WINDLASS_STATE/hosts/$(host_name "$1")"; }
host_socket() { echo "unix://$(host_dir "$1")/docker.sock"; }
host_agent_port() { echo $((8790 + $1)); }
host_address() { echo "198.18.$1.2"; }
# where the host reaches the broker: the root end of its link
host_broker_address() { echo "198.18.$1.1"; }

# The pid of host i's agent, checked against its command line (a recycled pid is not ours).
host_agent_pid() {
  local pid
  pid="$(live_pid_in "$(host_dir "$1")/agent.pid")" || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q "windlass.agent.host=$(host_name "$1") " || return 1
  echo "$pid"
}

# The live pid in pid file $1 (its first line), or failure.
live_pid_in() {
  local pid
  [[ -f "$1" ]] || return 1
  pid="$(head -n1 "$1")"
  [[ "$pid" =~ ^[0-9]+$ ]] && pid_alive "$pid" || return 1
  echo "$pid"
}

host_dockerd_pid() { live_pid_in "$(host_dir "$1")/dockerd.pid"; }
host_broker_link_pid() { live_pid_in "$(host_dir "$1")/broker-link.pid"; }

# The namespace, its link and its engine; idempotent.
ensure_host_engine() {
  local i=$1 name dir ns veth
  name="$(host_name "$i")"
  dir="$(host_dir "$i")"
  ns="$name"
  veth="wl-h$i"
  ((i >= 1 && i <= 250)) || die "host numbers run from 1 to 250, not $i"
  mkdir -p "$dir/data" "$dir/exec"
  # a file test, not `ip netns list | grep -q`: with pipefail, grep leaving early fails the pipe
  if [[ ! -e "/run/netns/$ns" ]]; then
    ip netns add "$ns"
    ip link add "$veth" type veth peer name eth0 netns "$ns"
    ip addr add "198.18.$i.1/30" dev "$veth"
    ip link set "$veth" up
    ip -n "$ns" addr add "198.18.$i.2/30" dev eth0
    ip -n "$ns" link set eth0 up
    ip -n "$ns" link set lo up
    log "made $ns (198.18.$i.2, link $veth)"
  fi
  ensure_host_underlay "$i"
  if ! host_dockerd_pid "$i" >/dev/null; then
    # setsid: the engine must outlive this shell; the namespace is the host's network
    # nsenter joins the network namespace only: `ip netns exec` would also remount /sys, and the
    # engine would find no cgroups there
    setsid nohup nsenter "--net=/run/netns/$ns" dockerd --host "$(host_socket "$i")" --data-root "$dir/data" \
      --exec-root "$dir/exec" --pidfile "$dir/dockerd.pid" --bip "198.19.$i.1/24" \
      --cgroup-parent "windlass-$name" --live-restore >>"$dir/dockerd.log" 2>&1 </dev/null &
    wait_for 60 docker -H "$(host_socket "$i")" info \
      || die "the engine of $name did not answer within 60 s (see $dir/dockerd.log)"
    log "started the engine of $name (log $dir/dockerd.log)"
  fi
  ensure_host_broker_link "$i"
  if ! docker -H "$(host_socket "$i")" image inspect busybox:latest >/dev/null 2>&1; then
    docker save busybox:latest | docker -H "$(host_socket "$i")" load -q >/dev/null
    log "imported busybox:latest into $name"
  fi
}

# The underlay range: host i is 198.18.i.2, the root end of its link 198.18.i.1.
UNDERLAY_RANGE=198.18.0.0/16
UNDERLAY_CHAIN=WINDLASS-UNDERLAY

# Host i reaches the other hosts through the root end of its link, and the root namespace forwards
# between host links; idempotent (route replace, rules checked before they are added).
ensure_host_underlay() {
  local i=$1
  ip -n "$(host_name "$i")" route replace "$UNDERLAY_RANGE" via "$(host_broker_address "$i")" dev eth0 \
    || log "WARNING: no route to the other hosts from $(host_name "$i") (is its link up?)"
  if [[ "$(cat /proc/sys/net/ipv4/ip_forward)" != 1 ]]; then
    # the root engine turns it on too; without it the root namespace forwards nothing at all
    sysctl -qw net.ipv4.ip_forward=1
    log "turned on IPv4 forwarding in the root namespace (host links only: chain $UNDERLAY_CHAIN)"
  fi
  iptables -w -n -L "$UNDERLAY_CHAIN" >/dev/null 2>&1 || iptables -w -N "$UNDERLAY_CHAIN"
  # the root engine sets FORWARD's policy to DROP; these are the only packets we let through
  local rule=(-i 'wl-h+' -o 'wl-h+' -s "$UNDERLAY_RANGE" -d "$UNDERLAY_RANGE" -j ACCEPT)
  iptables -w -C "$UNDERLAY_CHAIN" "${rule[@]}" 2>/dev/null || iptables -w -A "$UNDERLAY_CHAIN" "${rule[@]}"
  # first in FORWARD, so neither the engine's chains nor a DROP policy see these packets
  iptables -w -C FORWARD -j "$UNDERLAY_CHAIN" 2>/dev/null || iptables -w -I FORWARD 1 -j "$UNDERLAY_CHAIN"
}

# Removes the forwarding between host links once no host link is left (of any run on this machine).
remove_underlay_if_unused() {
  if ip -o link show 2>/dev/null | grep -qE '^[0-9]+: wl-h[0-9]+@'; then
    return 0
  fi
  while iptables -w -C FORWARD -j "$UNDERLAY_CHAIN" 2>/dev/null; do
    iptables -w -D FORWARD -j "$UNDERLAY_CHAIN"
  done
  if iptables -w -n -L "$UNDERLAY_CHAIN" >/dev/null 2>&1; then
    iptables -w -F "$UNDERLAY_CHAIN"
    iptables -w -X "$UNDERLAY_CHAIN"
    log "removed the forwarding between host links (no host left)"
  fi
}

# The host's way to the broker: HAProxy on the root end of its link, forwarding to RabbitMQ on
# loopback (which is where the broker listens; the broker sees the connections as local).
ensure_host_broker_link() {
  local i=$1 dir cfg
  dir="$(host_dir "$i")"
  cfg="$dir/broker-link.cfg"
  host_broker_link_pid "$i" >/dev/null && return 0
  ensure_haproxy
  cat >"$cfg" <<CFG
global
    daemon
    pidfile $dir/broker-link.pid
defaults
    mode tcp
    timeout connect 5s
    # AMQP heartbeats keep a healthy connection busy; an idle hour means it is gone
    timeout client 1h
    timeout server 1h
listen amqp
    bind $(host_broker_address "$i"):5672
    server broker 127.0.0.1:5672
CFG
  haproxy -f "$cfg" -D -p "$dir/broker-link.pid" >"$dir/broker-link.log" 2>&1 \
    || die "the broker link of $(host_name "$i") did not start (see $dir/broker-link.log)"
  log "forwarding $(host_broker_address "$i"):5672 to the broker for $(host_name "$i")"
}

start_host_agent() {
  local i=$1 name dir pid password
  name="$(host_name "$i")"
  dir="$(host_dir "$i")"
  port_open "$(host_agent_port "$i")" \
    && die "port $(host_agent_port "$i") is taken by a process that is not the agent of $name; stop it first"
  password="$(agent_broker_user "$name")"
  # inside the host's namespace: its broker traffic crosses the link; the engine's socket is a file.
  # Config drives in the host's own directory, as on a machine of its own: a server that moves is on
  # two hosts until the move is confirmed, and each removes only its own copy's drive
  # shellcheck disable=SC2046
  WINDLASS_RPC_PASSWORD="$password" setsid nohup nsenter "--net=/run/netns/$name" "$JAVA_HOME/bin/java" \
    "-Dquarkus.http.host=$(host_address "$i")" "-Dquarkus.http.port=$(host_agent_port "$i")" \
    "-Dwindlass.agent.host=$name" "-Dwindlass.agent.docker-host=$(host_socket "$i")" \
    "-Dwindlass.rpc.host=$(host_broker_address "$i")" -Dwindlass.rpc.declare-topology=false \
    "-Dwindlass.agent.underlay-address=$(host_address "$i")" \
    "-Dwindlass.agent.server.config-drive-dir=$dir/config-drives" \
    $(broker_props "windlass-agent-$name") \
    -jar compute-agent/target/quarkus-app/quarkus-run.jar >"$dir/agent.log" 2>&1 </dev/null &
  pid=$!
  echo "$pid" >"$dir/agent.pid"
  log "started the agent of $name (pid $pid, port $(host_agent_port "$i"), log $dir/agent.log)"
}

# Restarts host i's engine only, as an engine upgrade does; its containers keep running.
restart_host_engine() {
  local i=$1 pid
  if pid="$(host_dockerd_pid "$i")"; then
    stop_pid "engine of $(host_name "$i")" "$pid"
  fi
  ensure_host_engine "$i"
}

# Stops what ensure_host_engine and start_host_agent started for host i, and removes the namespace.
stop_host() {
  local i=$1 name pid
  name="$(host_name "$i")"
  if pid="$(host_agent_pid "$i")"; then
    stop_pid "agent of $name" "$pid"
  fi
  if pid="$(host_dockerd_pid "$i")"; then
    # the host goes, and its workloads with it; with --live-restore they would outlive the engine
    docker -H "$(host_socket "$i")" ps -aq | xargs -r docker -H "$(host_socket "$i")" rm -f >/dev/null 2>&1 || true
    stop_pid "engine of $name" "$pid"
  fi
  if pid="$(host_broker_link_pid "$i")"; then
    stop_pid "broker link of $name" "$pid"
  fi
  # what an earlier engine of this host left running (it was killed, or stopped without the above)
  pkill -KILL -f "containerd-shim-runc-v2 .*-address $(host_dir "$i")/exec/" 2>/dev/null || true
  # and the mounts such an engine leaves in its data root
  findmnt -rn -o TARGET | grep "^$(host_dir "$i")/" | sort -r | xargs -r umount -l 2>/dev/null || true
  rm -f "$(host_dir "$i")/agent.pid"
  if [[ -e "/run/netns/$name" ]]; then
    # deleting the namespace deletes its end of the link, and with it the root end
    ip netns del "$name"
    # the kernel dismantles a namespace in the background: wait until its link is gone too
    wait_for 10 host_link_gone "$i" || log "WARNING: the link wl-h$i outlived $name"
    log "removed $name"
  fi
  remove_underlay_if_unused
}

host_link_gone() { ! ip link show "wl-h$1" >/dev/null 2>&1; }

# Cuts host i off (its link down, as a failed switch port would) or restores it.
cut_host_link() { ip link set "wl-h$1" down; log "cut the link of $(host_name "$1")"; }
restore_host_link() {
  ip link set "wl-h$1" up
  # a route through a link that went down may have gone with it
  ensure_host_underlay "$1"
  log "restored the link of $(host_name "$1")"
}

# The numbers of the hosts that up made (their directories), for down.
made_hosts() {
  local dir
  for dir in "$WINDLASS_STATE"/hosts/wl-host-*; do
    [[ -d "$dir" ]] && echo "${dir##*-}"
  done
  return 0
}
