package io.windlass.container.service;

import io.windlass.api.error.InvalidInputException;

/**
 * The {@code path} of {@code get_archive} and {@code put_archive}, inside the container's root file
 * system. The engine resolves a path within that root, so one whose {@code ..} segments climb above it
 * would be clamped to the root and name something the user did not mean: it is refused instead.
 */
final class ArchivePath {
    private ArchivePath() {
    }

    /** @throws InvalidInputException when {@code path} climbs above the container's root */
    static String inContainer(String path) {
        if (leavesRoot(path)) {
            throw new InvalidInputException("Invalid", "Invalid path " + path
                    + ": it climbs above the container's root file system.");
        }
        return path;
    }

    static boolean leavesRoot(String path) {
        int depth = 0;
        for (String segment : path.split("/")) {
            if (segment.equals("..")) {
                if (--depth < 0) {
                    return true;
                }
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                depth++;
            }
        }
        return false;
    }
}
