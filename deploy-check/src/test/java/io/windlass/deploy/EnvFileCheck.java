package io.windlass.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What is wrong with one service's systemd env file: a name that is no setting of the service, a
 * setting it leaves out, a documented default that is not the real one, a required setting left
 * commented out, or a value that would not convert.
 */
final class EnvFileCheck {
    private EnvFileCheck() {
    }

    /** @param unitVariables variables the unit's ExecStart reads itself (e.g. JAVA_OPTS) */
    static List<String> problems(ServiceSettings settings, String text, Set<String> unitVariables) {
        EnvFile file = new EnvFile(text);
        List<String> problems = new ArrayList<>(file.problems);
        checkNames(settings, file.set, unitVariables, problems);
        checkNames(settings, file.documented, unitVariables, problems);
        for (ServiceSettings.Setting setting : settings.documented.values()) {
            String name = setting.env();
            if (!file.set.containsKey(name) && !file.documented.containsKey(name)) {
                problems.add(name + " is a setting of the " + settings.service.name + " but the file does not document it");
            }
            String shown = file.documented.get(name);
            if (shown != null && setting.defaultValue().isPresent() && !shown.equals(setting.defaultValue().get())) {
                problems.add("#" + name + "=" + shown + " is not the default, which is '" + setting.defaultValue().get() + "'");
            }
        }
        settings.mapSettings.forEach((name, pattern) -> {
            boolean shown = file.set.keySet().stream().anyMatch(n -> pattern.matcher(n).matches())
                    || file.documented.keySet().stream().anyMatch(n -> pattern.matcher(n).matches());
            if (!shown) {
                problems.add(name + " (one per key) is a setting of the " + settings.service.name + " but has no example");
            }
        });
        for (String required : settings.service.required()) {
            if (!file.set.containsKey(required)) {
                problems.add(required + " must be set (uncommented): its default is a development host's");
            }
        }
        settings.conversionProblem(file.set).ifPresent(p -> problems.add("the set values do not convert: " + p));
        return problems;
    }

    private static void checkNames(ServiceSettings settings, Map<String, String> lines, Set<String> unitVariables,
                                   List<String> problems) {
        for (String name : lines.keySet()) {
            if (settings.unused.contains(name)) {
                problems.add(name + " is loaded but never read by the " + settings.service.name + ": setting it does nothing");
            } else if (!settings.knows(name) && !unitVariables.contains(name)) {
                problems.add(name + " is no setting of the " + settings.service.name);
            }
        }
    }
}
