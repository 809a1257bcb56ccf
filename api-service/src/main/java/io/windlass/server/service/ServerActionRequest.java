package io.windlass.server.service;

import java.util.Map;
import io.windlass.server.ServerAction;

/** What a {@code POST /servers/{id}/action} body asks for, once its schema has accepted it. */
public sealed interface ServerActionRequest permits ServerActionRequest.Power, ServerActionRequest.Lock,
        ServerActionRequest.Unlock, ServerActionRequest.ResetState, ServerActionRequest.SecurityGroup, ServerActionRequest.DeferredDelete, ServerActionRequest.Resize, ServerActionRequest.Migrate, ServerActionRequest.ConfirmResize,
        ServerActionRequest.RevertResize, ServerActionRequest.ConsoleOutput, ServerActionRequest.CreateImage,
        ServerActionRequest.ChangePassword, ServerActionRequest.Shelve, ServerActionRequest.Unshelve, ServerActionRequest.Rescue,
        ServerActionRequest.Unrescue, EvacuationRequest,
        RebuildRequest {

    /** {@code shelve}, or {@code shelveOffload} of a shelved server. */
    record Shelve(boolean offload) implements ServerActionRequest {
    }

    /**
     * {@code unshelve}.
     *
     * @param zoneGiven        the body named {@code availability_zone} (2.77+; from 2.91 it may be null: unpinned)
     * @param availabilityZone the zone asked for, or null
     * @param host             the host asked for (2.91+, admins), or null
     */
    record Unshelve(boolean zoneGiven, String availabilityZone, String host) implements ServerActionRequest {
    }

    /**
     * {@code rescue}.
     *
     * @param adminPass      the password asked for, or null for one generated
     * @param rescueImageRef the image to rescue from, or null for the server's own
     */
    record Rescue(String adminPass, String rescueImageRef) implements ServerActionRequest {
        @Override
        public String toString() {
            return "Rescue[rescueImageRef=" + rescueImageRef + "]";
        }
    }

    /** {@code unrescue}. */
    record Unrescue() implements ServerActionRequest {
    }

    /** A power action, done by the server's host. */
    record Power(ServerAction action) implements ServerActionRequest {
    }

    /**
     * {@code lock}: actions other than an admin's are refused until it is unlocked.
     *
     * @param reason the {@code locked_reason} (2.73+), or null
     */
    record Lock(String reason) implements ServerActionRequest {
    }

    /** {@code os-resetState}, an admin's: the vm_state set ({@code active} or {@code error}), the task cleared. */
    record ResetState(String state) implements ServerActionRequest {
    }

    /** {@code resize} to another flavor, on the server's host when it has room, else on another. */
    record Resize(String flavorRef, String diskConfig) implements ServerActionRequest {
    }

    /** {@code migrate}: to another host, on the same flavor; {@code host} (2.56) the one asked for, or null. */
    record Migrate(String host) implements ServerActionRequest {
    }

    /**
     * {@code addSecurityGroup} or {@code removeSecurityGroup}.
     *
     * @param add   true to add
     * @param group the group's name or id
     */
    record SecurityGroup(boolean add, String group) implements ServerActionRequest {
    }

    /** {@code forceDelete} or {@code restore} of a soft-deleted server. */
    record DeferredDelete(String method) implements ServerActionRequest {
    }

    /** {@code confirmResize}. */
    record ConfirmResize() implements ServerActionRequest {
    }

    /** {@code revertResize}. */
    record RevertResize() implements ServerActionRequest {
    }

    /** {@code unlock}. */
    record Unlock() implements ServerActionRequest {
    }

    /**
     * {@code os-getConsoleOutput}: the server's console log, read on its host.
     *
     * @param length the last this many lines, or null for all of it
     */
    record ConsoleOutput(Integer length) implements ServerActionRequest {
    }

    /**
     * {@code createImage} (a snapshot) or {@code createBackup}.
     *
     * @param name       the image's name
     * @param metadata   the image's extra properties
     * @param backupType for a backup: its type ({@code daily}, {@code weekly}, ...); null for a snapshot
     * @param rotation   for a backup: how many of the server's backups of that type to keep
     * @param metadataQuota whether the metadata counts against the project's {@code metadata_items} (before
     *                      2.39, while Nova still proxied the image API)
     */
    record CreateImage(String name, Map<String, String> metadata, String backupType, Integer rotation,
                       boolean metadataQuota) implements ServerActionRequest {
        public CreateImage {
            metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        }
    }

    /**
     * {@code changePassword}: root's password set in the guest by its host. The password is in no
     * log line: {@link #toString} leaves it out.
     */
    record ChangePassword(String adminPass) implements ServerActionRequest {
        @Override
        public String toString() {
            return "ChangePassword[adminPass=<hidden>]";
        }
    }
}
