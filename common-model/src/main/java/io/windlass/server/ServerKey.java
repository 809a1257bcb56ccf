package io.windlass.server;

/**
 * The key pair a server was booted with ({@code key_name}), as the server keeps it: the config
 * drive lists it ({@code public_keys} and {@code keys} in {@code meta_data.json}) and, for an
 * {@code ssh} key, the agent makes it root's authorized key where the image has a root home.
 *
 * @param name      the key pair's name
 * @param type      {@code ssh} or {@code x509}
 * @param publicKey the public key (OpenSSH line, or PEM certificate for x509)
 */
public record ServerKey(String name, String type, String publicKey) {
    public boolean isSsh() {
        return "ssh".equals(type);
    }
}
