package io.windlass.identity.api;

import io.windlass.api.validation.TestValidators;
import io.windlass.identity.service.AuthRequest;
import org.junit.jupiter.api.Test;

import static io.windlass.api.validation.Json.of;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@code schemas/identity/auth/tokens.json} and what {@link AuthRequests} reads from it. */
class AuthRequestsTest {
    private final AuthRequests requests = new AuthRequests(TestValidators.validator());

    @Test
    void passwordAndProjectScope() {
        AuthRequest r = requests.tokenRequest(of("{`auth`: {`identity`: {`methods`: [`password`], `password`: "
                + "{`user`: {`name`: `admin`, `domain`: {`name`: `Default`}, `password`: `pw`}}}, "
                + "`scope`: {`project`: {`id`: `p1`}}}}"));
        assertEquals("admin", r.password().user().name());
        assertEquals("Default", r.password().user().domain().name());
        assertEquals("p1", r.scope().id());
        assertNull(requests.tokenRequest(of("{`auth`: {`identity`: {`methods`: [`token`], `token`: {`id`: `t`}}, "
                + "`scope`: `unscoped`}}")).scope());
        AuthRequest token = requests.tokenRequest(of("{`auth`: {`identity`: {`methods`: [`token`], `token`: {`id`: `t`}, "
                + "`password`: {`user`: {`id`: `u`, `password`: `x`}}}, `scope`: {`project`: {`name`: `p`, "
                + "`domain`: {`id`: `d`}}}}}"));
        assertEquals("t", token.token());
        assertNull(token.password(), "only the methods listed are read");
        assertEquals(new AuthRequest.ProjectRef(null, "p", new AuthRequest.DomainRef("d", null)), token.scope());
        assertNull(requests.tokenRequest(of("{`auth`: {`identity`: {`methods`: [`password`], `password`: {`user`: "
                + "{`id`: `u`, `password`: `x`}}}, `scope`: null}}")).password().user().domain());
    }

    @Test
    void malformedBodiesAre400sInKeystonesWordsAndOtherMethods401() {
        assertEquals("Invalid input for field 'auth': 'identity' is a required property",
                status(400, "{`auth`: {}}"));
        assertEquals("Invalid input for field 'auth/identity/password/user': {'name': 'admin', 'password': 'x'} is "
                + "not valid under any of the given schemas", status(400, "{`auth`: {`identity`: {`methods`: "
                + "[`password`], `password`: {`user`: {`name`: `admin`, `password`: `x`}}}}}"));
        assertEquals("Unsupported authentication method: totp", status(401,
                "{`auth`: {`identity`: {`methods`: [`totp`]}}}"));
        assertEquals("Only project scope is supported by this deployment.", status(401, "{`auth`: {`identity`: "
                + "{`methods`: [`token`], `token`: {`id`: `t`}}, `scope`: {`domain`: {`id`: `d`}}}}"));
        assertEquals("Invalid input for field 'auth/identity': 'password' is a required property", status(400,
                "{`auth`: {`identity`: {`methods`: [`password`]}}}"));
        assertEquals("Invalid input for field 'auth/identity': 'token' is a required property", status(400,
                "{`auth`: {`identity`: {`methods`: [`token`], `password`: {`user`: {`id`: `u`, `password`: `x`}}}}}"));
        assertEquals("Invalid input for field 'auth/scope': 'project' is a required property", status(400,
                "{`auth`: {`identity`: {`methods`: [`token`], `token`: {`id`: `t`}}, `scope`: {}}}"));
        assertEquals("Invalid input for field 'auth/scope': 'project' is a required property", status(400,
                "{`auth`: {`identity`: {`methods`: [`token`], `token`: {`id`: `t`}}, `scope`: `everything`}}"));
        assertEquals("Only project scope is supported by this deployment.", status(401, "{`auth`: {`identity`: "
                + "{`methods`: [`token`], `token`: {`id`: `t`}}, `scope`: {`system`: {`all`: true}}}}"));
    }

    private String status(int status, String body) {
        KeystoneException e = assertThrows(KeystoneException.class, () -> requests.tokenRequest(of(body)));
        assertEquals(status, e.status());
        return e.getMessage();
    }
}
