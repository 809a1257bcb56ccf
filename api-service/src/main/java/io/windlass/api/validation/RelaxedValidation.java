package io.windlass.api.validation;

import jakarta.enterprise.context.RequestScoped;

/**
 * Whether the current request is validated as Nova validates its legacy v2 API (the v2.1 code
 * mounted at {@code /v2}, {@code LegacyV2CompatibleWrapper}): members a body's schema does not
 * declare are dropped instead of refused, since v2 clients sent them and v2 ignored them.
 */
@RequestScoped
public class RelaxedValidation {
    private boolean relaxed;

    public void relax() {
        relaxed = true;
    }

    public boolean relaxed() {
        return relaxed;
    }
}
