package io.windlass.deploy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.ConfigMappingInterface;
import io.smallrye.config.ConfigMappings;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.DotName;
import org.jboss.jandex.Index;
import org.jboss.jandex.Indexer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The real settings of each service, as environment variables: read from the classes and
 * application.properties on the test class path. The one thing kept by hand is which shared mapping
 * a service reads ({@link WindlassService}), and a shared mapping it does not classify fails.
 *
 * <ul>
 *   <li>every property of every {@code @ConfigMapping} the service reads (its own module's, found by
 *   scanning its classes, and the shared ones of {@link WindlassService#sharedUsed}), named as
 *   SmallRye Config itself names them ({@link ConfigMappings#getProperties}), with the default its
 *   application.properties or its {@code @WithDefault} gives;</li>
 *   <li>the environment variables its application.properties reads through {@code ${NAME:default}}
 *   ({@code WINDLASS_DB_URL}, ...);</li>
 *   <li>every other key its application.properties sets (e.g. {@code quarkus.http.port}), which an
 *   environment variable overrides.</li>
 * </ul>
 */
final class ServiceSettings {
    private static final DotName CONFIG_MAPPING = DotName.createSimple(ConfigMapping.class);
    private static final Pattern ENV_EXPRESSION = Pattern.compile("^\\$\\{([A-Z][A-Z0-9_]*):([^}]*)}$");

    /** One setting an operator may give: its environment variable, and its default when it has one. */
    record Setting(String env, Optional<String> defaultValue) {
    }

    final WindlassService service;
    /** Settings an env file documents, by environment variable name, in a stable order. */
    final Map<String, Setting> documented;
    /** Map-valued properties, e.g. {@code WINDLASS_RPC_VERSION_CAP_<API>}: documented by one example each. */
    final Map<String, Pattern> mapSettings;
    /** Environment variables that override a key the service's application.properties sets. */
    final Set<String> overrides;
    /** Properties of the mappings the service loads but never reads (see {@link WindlassService}). */
    final Set<String> unused;
    /** The non-profile entries of application.properties. */
    final Map<String, String> applicationProperties;
    final List<Class<?>> mappings;

    private ServiceSettings(WindlassService service, Map<String, Setting> documented, Map<String, Pattern> mapSettings,
                            Set<String> overrides, Set<String> unused, Map<String, String> applicationProperties,
                            List<Class<?>> mappings) {
        this.service = service;
        this.documented = documented;
        this.mapSettings = mapSettings;
        this.overrides = overrides;
        this.unused = unused;
        this.applicationProperties = applicationProperties;
        this.mappings = mappings;
    }

    static ServiceSettings of(WindlassService service) {
        return Loaded.ALL.get(service);
    }

    /** Read once, on first use. */
    private static final class Loaded {
        static final Map<WindlassService, ServiceSettings> ALL = load();
    }

    /** The HTTP port the service serves its API, health and metrics on, unless a deployment moves it. */
    int httpPort() {
        return Integer.parseInt(applicationProperties.get("quarkus.http.port"));
    }

    /** Whether the environment variable is a setting of this service. */
    boolean knows(String env) {
        return documented.containsKey(env) || overrides.contains(env)
                || mapSettings.values().stream().anyMatch(p -> p.matcher(env).matches());
    }

    /**
     * Problems converting the given values: the service's mappings are built with them, as Quarkus
     * builds them at start, so a duration, number, enum or size that would not convert is reported.
     * Empty values are left out: they are the settings a site must fill in ({@link #startProblem}).
     */
    Optional<String> conversionProblem(Map<String, String> env) {
        Map<String, String> given = new HashMap<>();
        env.forEach((k, v) -> {
            if (!v.isEmpty()) {
                given.put(k, v);
            }
        });
        return startProblem(given);
    }

    /** Why the service's configuration would not build with this environment, as at its start. */
    Optional<String> startProblem(Map<String, String> env) {
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder().addDefaultInterceptors().addDiscoveredConverters()
                .withSources(new EnvConfigSource(env, 300),
                        new PropertiesConfigSource(applicationProperties, "application.properties", 250));
        mappings.forEach(builder::withMapping);
        try {
            builder.build();
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(String.valueOf(e.getMessage()).strip());
        }
    }

    /** SmallRye Config's name of the environment variable of a property. */
    static String env(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
    }

    private static Map<WindlassService, ServiceSettings> load() {
        Map<String, List<Class<?>>> mappingsByModule = mappingsByModule();
        Map<String, Class<?>> shared = new TreeMap<>();
        Set<String> serviceModules = new TreeSet<>();
        for (WindlassService s : WindlassService.values()) {
            serviceModules.add(s.module);
        }
        mappingsByModule.forEach((module, classes) -> {
            if (!serviceModules.contains(module)) {
                classes.forEach(c -> shared.put(c.getSimpleName(), c));
            }
        });
        Map<WindlassService, ServiceSettings> all = new EnumMap<>(WindlassService.class);
        for (WindlassService s : WindlassService.values()) {
            Set<String> classified = new TreeSet<>(s.sharedUsed);
            classified.addAll(s.sharedUnused);
            Set<String> onClassPath = new TreeSet<>(sharedOn(s, shared.keySet(), mappingsByModule));
            if (!classified.equals(onClassPath)) {
                throw new IllegalStateException(s.module + ": shared mappings on its class path " + onClassPath
                        + ", but WindlassService classifies " + classified + " as used or unused");
            }
            List<Class<?>> used = new ArrayList<>(mappingsByModule.getOrDefault(s.module, List.of()));
            s.sharedUsed.forEach(name -> used.add(shared.get(name)));
            all.put(s, settings(s, used, s.sharedUnused.stream().map(shared::get).toList()));
        }
        return all;
    }

    /** The shared mappings whose module is on the service's class path (its pom's io.windlass dependencies). */
    private static List<String> sharedOn(WindlassService service, Set<String> sharedNames,
                                         Map<String, List<Class<?>>> mappingsByModule) {
        Set<String> modules = new TreeSet<>();
        modules(service.module, modules);
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, List<Class<?>>> e : mappingsByModule.entrySet()) {
            if (modules.contains(e.getKey()) && !e.getKey().equals(service.module)) {
                e.getValue().stream().map(Class::getSimpleName).filter(sharedNames::contains).forEach(names::add);
            }
        }
        return names;
    }

    private static void modules(String module, Set<String> into) {
        if (!Files.exists(RepoFiles.path(module + "/pom.xml")) || !into.add(module)) {
            return; // the parent, or a module seen already
        }
        Matcher m = Pattern.compile("<groupId>io\\.windlass</groupId>\\s*<artifactId>([^<]+)</artifactId>")
                .matcher(RepoFiles.read(module + "/pom.xml"));
        while (m.find()) {
            modules(m.group(1), into);
        }
    }

    private static ServiceSettings settings(WindlassService service, List<Class<?>> used, List<Class<?>> unusedMappings) {
        Map<String, String> app = applicationProperties(service.module);
        Map<String, Setting> documented = new LinkedHashMap<>();
        Set<String> overrides = new TreeSet<>();
        for (String key : List.of("quarkus.http.host", "quarkus.http.port")) {
            documented.put(env(key), new Setting(env(key), Optional.of(app.get(key))));
        }
        app.forEach((key, value) -> {
            overrides.add(env(key));
            Matcher expression = ENV_EXPRESSION.matcher(value);
            if (expression.matches()) {
                documented.put(expression.group(1), new Setting(expression.group(1), Optional.of(expression.group(2))));
            }
        });
        Map<String, Pattern> maps = new TreeMap<>();
        for (Class<?> mapping : used) {
            properties(mapping).forEach((name, property) -> {
                if (name.contains("[*]")) {
                    return; // a list's indexed form; the list itself is documented
                }
                if (property.isMap()) {
                    String prefix = env(name.substring(0, name.indexOf(".*")));
                    maps.put(prefix + "_<KEY>", Pattern.compile(Pattern.quote(prefix) + "_[A-Z0-9_]+"));
                    return;
                }
                documented.put(env(name), new Setting(env(name), defaultOf(name, property, app)));
            });
        }
        Set<String> unused = new TreeSet<>();
        unusedMappings.forEach(m -> properties(m).keySet().forEach(n -> unused.add(env(n))));
        return new ServiceSettings(service, Collections.unmodifiableMap(documented), maps, overrides, unused, app,
                List.copyOf(used));
    }

    /** The effective default: application.properties' value (an expression's default), else the mapping's. */
    private static Optional<String> defaultOf(String name, ConfigMappingInterface.Property property, Map<String, String> app) {
        String configured = app.get(name);
        if (configured != null) {
            Matcher expression = ENV_EXPRESSION.matcher(configured);
            return Optional.of(expression.matches() ? expression.group(2) : configured);
        }
        return property.hasDefaultValue() ? Optional.of(property.getDefaultValue()) : Optional.empty();
    }

    private static Map<String, ConfigMappingInterface.Property> properties(Class<?> mapping) {
        String prefix = mapping.getAnnotation(ConfigMapping.class).prefix();
        return new TreeMap<>(ConfigMappings.getProperties(ConfigMappings.ConfigClass.configClass(mapping, prefix)));
    }

    private static Map<String, String> applicationProperties(String module) {
        Properties properties = new Properties();
        try (InputStream in = resource(module, "application.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> app = new TreeMap<>();
        properties.stringPropertyNames().stream().filter(k -> !k.startsWith("%"))
                .forEach(k -> app.put(k, properties.getProperty(k)));
        return app;
    }

    /** A resource of one module's classes (every service has its own application.properties). */
    private static InputStream resource(String module, String name) throws IOException {
        for (URL url : Collections.list(ServiceSettings.class.getClassLoader().getResources(name))) {
            if (module.equals(moduleOf(url.toString(), name))) {
                return url.openStream();
            }
        }
        throw new IllegalStateException("no " + name + " of " + module + " on the test class path");
    }

    /** {@code .../api-service/target/classes/<name>} or {@code .../api-service-0.1.0-SNAPSHOT.jar!/<name>}. */
    private static String moduleOf(String url, String name) {
        String root = url.substring(0, url.length() - name.length());
        Matcher jar = Pattern.compile("/([a-z-]+)-\\d[^/]*\\.jar!/$").matcher(root);
        if (jar.find()) {
            return jar.group(1);
        }
        Matcher classes = Pattern.compile("/([a-z-]+)/target/classes/$").matcher(root);
        return classes.find() ? classes.group(1) : root;
    }

    /** Every {@code @ConfigMapping} interface of every io.windlass module on the class path, by module. */
    private static Map<String, List<Class<?>>> mappingsByModule() {
        Map<String, List<Class<?>>> byModule = new TreeMap<>();
        try {
            for (URL url : Collections.list(ServiceSettings.class.getClassLoader().getResources("io/windlass"))) {
                String module = moduleOf(url.toString(), "io/windlass");
                for (AnnotationInstance mapping : index(url).getAnnotations(CONFIG_MAPPING)) {
                    Class<?> type = Class.forName(mapping.target().asClass().name().toString(), false,
                            ServiceSettings.class.getClassLoader());
                    byModule.computeIfAbsent(module, m -> new ArrayList<>()).add(type);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return byModule;
    }

    /** A Jandex index of the classes under a module's io/windlass (a directory, or a jar's). */
    private static Index index(URL url) throws IOException {
        Indexer indexer = new Indexer();
        URI uri = URI.create(url.toString());
        if ("jar".equals(uri.getScheme())) {
            try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                indexAll(jar.getPath("/io/windlass"), indexer);
            }
        } else {
            indexAll(Path.of(uri), indexer);
        }
        return indexer.complete();
    }

    private static void indexAll(Path root, Indexer indexer) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                try (InputStream in = Files.newInputStream(file)) {
                    indexer.index(in);
                }
            }
        }
    }
}
