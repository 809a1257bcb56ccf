package io.windlass.api.http;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class RequestTargetEncoderTest {

    @Test
    void aTargetWithNothingToEncodeIsLeftAsItIs() {
        String target = "/compute/v2.1/servers?name=web%5E&limit=1&sort_key=a.b-c_d~e!$'()*+,;=:@/?";
        assertSame(target, RequestTargetEncoder.encoded(target));
    }

    @Test
    void rawCharactersBecomeTheirPercentEncodedBytes() {
        assertEquals("/servers?name=%5Eweb", RequestTargetEncoder.encoded("/servers?name=^web"));
        assertEquals("/x?q=%7C%7B%7D%22%3C%3E%60%5C%5B%5D%23", RequestTargetEncoder.encoded("/x?q=|{}\"<>`\\[]#"));
        assertEquals("/x%7Bid%7D?q=%09%7F", RequestTargetEncoder.encoded("/x{id}?q=\t\u007f"));
        // é as UTF-8 on the wire, read by Netty one ISO-8859-1 character per byte
        assertEquals("/images/caf%C3%A9", RequestTargetEncoder.encoded("/images/caf\u00c3\u00a9"));
        assertEquals("/x?q=%E2%82%AC", RequestTargetEncoder.encoded("/x?q=\u20ac"));
    }

    @Test
    void aPercentThatStartsNoEscapeIsALiteralPercent() {
        assertEquals("/x?a=%41&b=%25zz&c=%25", RequestTargetEncoder.encoded("/x?a=%41&b=%zz&c=%"));
        assertEquals("/x?b=%25zz&c=%25&d=%25%C3%A9", RequestTargetEncoder.encoded("/x?b=%zz&c=%&d=%\u00c3\u00a9"));
    }

    @Test
    void everyEncodedTargetIsAUriJavaAccepts() {
        StringBuilder all = new StringBuilder("/p");
        for (char c = 0; c <= 0xFF; c++) {
            all.append(c);
        }
        String encoded = RequestTargetEncoder.encoded(all + "?" + all);
        assertDoesNotThrow(() -> new URI(encoded));
    }

    @Test
    void anAbsoluteTargetIsReroutedByItsPathAndQuery() {
        assertEquals("/servers?name=%5Ea", RequestTargetEncoder.originForm("http://h:8774/servers?name=%5Ea"));
        assertEquals("/?q=%5E", RequestTargetEncoder.originForm("http://h?q=%5E"));
        assertEquals("/", RequestTargetEncoder.originForm("http://h"));
        assertEquals("/already", RequestTargetEncoder.originForm("/already"));
    }
}
