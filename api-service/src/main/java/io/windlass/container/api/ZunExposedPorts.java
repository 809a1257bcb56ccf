package io.windlass.container.api;

import io.windlass.api.error.InvalidInputException;

import java.util.ArrayList;
import java.util.List;

/**
 * Zun's {@code exposed_ports} keys read as its {@code build_exposed_ports} reads them: {@code "<port>/<protocol>"}
 * or a bare port (tcp), each in Docker's spelling {@code "80/tcp"}, once, in the order given. Zun's words for a
 * protocol other than tcp or udp and for a port that is no number; a number outside 1–65535, which Zun hands
 * to Neutron to refuse with a 500, is refused here with the port's words.
 */
final class ZunExposedPorts {
    private ZunExposedPorts() {
    }

    static List<String> normalize(Iterable<String> keys) {
        List<String> out = new ArrayList<>();
        for (String key : keys) {
            String[] parts = key.split("/", -1);
            if (parts.length > 2) {
                // Zun's "port, protocol = key.split('/')" fails, and it takes the whole key for a tcp port
                throw invalidPort(key);
            }
            String protocol = parts.length == 2 ? parts[1] : "tcp";
            if (!protocol.equals("tcp") && !protocol.equals("udp")) {
                throw new InvalidInputException("InvalidValue", "value " + protocol + " is an invalid protocol");
            }
            // Python's int() takes blanks around and a plus sign
            String port = parts[0].strip();
            String digits = port.startsWith("+") ? port.substring(1) : port;
            if (!digits.matches("^[0-9]{1,5}$") || Integer.parseInt(digits) < 1 || Integer.parseInt(digits) > 65535) {
                throw invalidPort(parts[0]);
            }
            String normalized = Integer.parseInt(digits) + "/" + protocol;
            if (!out.contains(normalized)) {
                out.add(normalized);
            }
        }
        return List.copyOf(out);
    }

    private static InvalidInputException invalidPort(String port) {
        return new InvalidInputException("InvalidValue", "value " + port + " is invalid as publish port.");
    }
}
