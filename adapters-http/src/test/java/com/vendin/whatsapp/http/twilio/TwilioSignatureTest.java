package com.vendin.whatsapp.http.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.ports.common.Secret;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every signature vector of docs/PROVIDERS.md §2.2 (Twilio's docs and SDK tests), and the negative cases it lists. */
class TwilioSignatureTest {
    private static final String TOKEN = "12345";
    private static final String U = "https://mycompany.com/myapp.php?foo=1&bar=2";
    static final String WHATSAPP_TOKEN = "0123456789abcdef0123456789abcdef";
    static final String WHATSAPP_URL = "https://gw.example.com/twilio/whatsapp/inbound?tenant=store-42";
    static final String WHATSAPP_BODY = "SmsMessageSid=SM0a1b2c3d4e5f60718293a4b5c6d7e8f9&NumMedia=0"
            + "&ProfileName=Ana+Lu%C3%ADsa&MessageType=text&SmsSid=SM0a1b2c3d4e5f60718293a4b5c6d7e8f9"
            + "&WaId=5511987654321&SmsStatus=received&Body=Ol%C3%A1%2C+quero+pedir+2+pizzas"
            + "&To=whatsapp%3A%2B551140045678&MessagingServiceSid=MG00112233445566778899aabbccddeeff&NumSegments=1"
            + "&ReferralNumMedia=0&MessageSid=SM0a1b2c3d4e5f60718293a4b5c6d7e8f9"
            + "&AccountSid=AC0123456789abcdef0123456789abcdef&From=whatsapp%3A%2B5511987654321&ApiVersion=2010-04-01";
    private static final String BODY_HASH = "0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620";
    private static final byte[] JSON_BODY =
            "{\"property\": \"value\", \"boolean\": true}".getBytes(StandardCharsets.UTF_8);

    private static Map<String, List<String>> p() {
        return fields(
                "CallSid",
                "CA1234567890ABCDE",
                "Caller",
                "+14158675309",
                "Digits",
                "1234",
                "From",
                "+14158675309",
                "To",
                "+18005551212");
    }

    @Test
    void vector1TheDocsExample() {
        Map<String, List<String>> fields = fields(
                "CallSid",
                "CA1234567890ABCDE",
                "Caller",
                "+14158675310",
                "Digits",
                "1234",
                "From",
                "+14158675310",
                "To",
                "+18005551212");
        assertThat(TwilioSignature.compute("https://example.com/myapp.php?foo=1&bar=2", fields, TOKEN))
                .isEqualTo("L/OH5YylLD5NRKLltdqwSvS0BnU=");
    }

    @Test
    void vector2UrlAndParams() {
        assertThat(TwilioSignature.compute(U, p(), TOKEN)).isEqualTo("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
    }

    @Test
    void vectors3And4SignExplicitDefaultPortsAndAreAcceptedForTheUrlWithout() {
        assertThat(TwilioSignature.compute("https://mycompany.com:443/myapp.php?foo=1&bar=2", p(), TOKEN))
                .isEqualTo("kvajT1Ptam85bY51eRf/AJRuM3w=");
        assertThat(TwilioSignature.compute("http://mycompany.com:80/myapp.php?foo=1&bar=2", p(), TOKEN))
                .isEqualTo("0ZXoZLH/DfblKGATFgpif+LLRf4=");
        assertThat(valid(U, p(), "kvajT1Ptam85bY51eRf/AJRuM3w=")).isTrue();
        assertThat(valid("http://mycompany.com/myapp.php?foo=1&bar=2", p(), "0ZXoZLH/DfblKGATFgpif+LLRf4="))
                .isTrue();
        assertThat(valid("https://mycompany.com:443/myapp.php?foo=1&bar=2", p(), "RSOYDt4T1cUTdK1PDd93/VVr8B8="))
                .isTrue();
    }

    @Test
    void vector5KeepsAnExplicitPortAndAlsoAcceptsTheUrlWithoutIt() {
        String withPort = "http://mycompany.com:1234/myapp.php?foo=1&bar=2";
        assertThat(TwilioSignature.compute(withPort, p(), TOKEN)).isEqualTo("Zmvh+3yNM1Phv2jhDCwEM3q5ebU=");
        assertThat(valid(withPort, p(), "Zmvh+3yNM1Phv2jhDCwEM3q5ebU=")).isTrue();
        assertThat(valid(
                        withPort,
                        p(),
                        TwilioSignature.compute("http://mycompany.com/myapp.php?foo=1&bar=2", p(), TOKEN)))
                .isTrue();
    }

    @Test
    void vector6UrlWithoutParams() {
        assertThat(TwilioSignature.compute(U, Map.of(), TOKEN)).isEqualTo("zYQTYrRWXE7LtzbG4PfP7/bkkGo=");
    }

    @Test
    void vector7UrlWithoutQuery() {
        assertThat(TwilioSignature.compute("https://mycompany.com/myapp.php", p(), TOKEN))
                .isEqualTo("1xaxFBvyzXYvWplzNOSs28HWO94=");
    }

    @Test
    void vector8RepeatedKeysAreDeduplicatedAndSorted() {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put("Sid", List.of("CA123"));
        fields.put("SidAccount", List.of("AC123"));
        fields.put("Digits", List.of("5678", "1234", "1234"));
        assertThat(TwilioSignature.compute(U, fields, TOKEN)).isEqualTo("IK+Dwps556ElfBT0I3Rgjkr1wJU=");
        assertThat(TwilioSignature.compute(
                        U,
                        TwilioForm.parse("Sid=CA123&SidAccount=AC123&Digits=5678&Digits=1234&Digits=1234"
                                        .getBytes(StandardCharsets.UTF_8))
                                .fields(),
                        TOKEN))
                .isEqualTo("IK+Dwps556ElfBT0I3Rgjkr1wJU=");
    }

    @Test
    void vector9SpecialCharactersAndUnicode() {
        Map<String, List<String>> fields = fields(
                "Message", "Hello & goodbye! @#$%^*()", "From", "+1 (415) 867-5309", "Special", "unicode: ñáéíóú");
        assertThat(TwilioSignature.compute(U, fields, TOKEN)).isEqualTo("dCPiR4WtQ6QFN6pJh81CtlCcWLQ=");
    }

    @Test
    void vector10EmptyValues() {
        Map<String, List<String>> fields = fields("Digits", "", "CallSid", "CA1234567890ABCDE", "EmptyParam", "");
        assertThat(TwilioSignature.compute(U, fields, TOKEN)).isEqualTo("9HHp/OqQMEwdrVebHDdA/+tqjX8=");
        assertThat(TwilioSignature.compute(
                        U,
                        TwilioForm.parse("Digits=&CallSid=CA1234567890ABCDE&EmptyParam="
                                        .getBytes(StandardCharsets.UTF_8))
                                .fields(),
                        TOKEN))
                .isEqualTo("9HHp/OqQMEwdrVebHDdA/+tqjX8=");
    }

    @Test
    void vector11NamesSortCaseSensitively() {
        Map<String, List<String>> fields = fields("callSid", "lowercase", "CallSid", "uppercase", "CALLSID", "allcaps");
        assertThat(TwilioSignature.compute(U, fields, TOKEN)).isEqualTo("jDK7WKT8wiNrwggd4ceTv4e1MJ4=");
    }

    @Test
    void vector12TheQueryStaysEncoded() {
        String url = "https://mycompany.com/myapp.php?foo=hello%20world&bar=test%2Bvalue";
        assertThat(TwilioSignature.compute(url, p(), TOKEN)).isEqualTo("er2tvAP1Wx+iuTTE2BPgvEaN1cs=");
    }

    @Test
    void vectors13And14JsonBodiesAreSignedThroughTheirHash() {
        String url13 = U + "&bodySHA256=" + BODY_HASH;
        String url14 = "https://mycompany.com/myapp.php?bodySHA256=" + BODY_HASH;
        assertThat(TwilioSignature.compute(url13, Map.of(), TOKEN)).isEqualTo("a9nBmqA0ju/hNViExpshrM61xv4=");
        assertThat(TwilioSignature.compute(url14, Map.of(), TOKEN)).isEqualTo("y77kIzt2vzLz71DgmJGsen2scGs=");
        assertThat(TwilioSignature.bodyHashMatches(url13, JSON_BODY)).isTrue();
        assertThat(TwilioSignature.bodyHashMatches(url14, JSON_BODY)).isTrue();
        assertThat(TwilioSignature.bodyHashMatches(url14, "{}".getBytes(StandardCharsets.UTF_8)))
                .isFalse();
    }

    @Test
    void vector15TheWhatsAppMessageWithAndWithoutTheDefaultPort() {
        Map<String, List<String>> fields = whatsAppFields();
        assertThat(TwilioSignature.compute(WHATSAPP_URL, fields, WHATSAPP_TOKEN))
                .isEqualTo("YKPVV0tQYiga1bS10pyhw5qgcbs=");
        assertThat(TwilioSignature.compute(
                        "https://gw.example.com:443/twilio/whatsapp/inbound?tenant=store-42", fields, WHATSAPP_TOKEN))
                .isEqualTo("Go90g1P5VKMcJULl9eV9LaMiQlY=");
        assertThat(validWhatsApp(WHATSAPP_URL, fields, "YKPVV0tQYiga1bS10pyhw5qgcbs="))
                .isTrue();
        assertThat(validWhatsApp(WHATSAPP_URL, fields, "Go90g1P5VKMcJULl9eV9LaMiQlY="))
                .isTrue();
    }

    @Test
    void aWrongTokenFails() {
        assertThat(TwilioSignature.isValid(
                        WHATSAPP_URL,
                        whatsAppFields(),
                        "YKPVV0tQYiga1bS10pyhw5qgcbs=",
                        List.of(new Secret("fedcba9876543210fedcba9876543210"))))
                .isFalse();
    }

    @Test
    void aDroppedFieldFails() {
        Map<String, List<String>> fields = new LinkedHashMap<>(whatsAppFields());
        fields.remove("ProfileName");
        assertThat(validWhatsApp(WHATSAPP_URL, fields, "YKPVV0tQYiga1bS10pyhw5qgcbs="))
                .isFalse();
    }

    @Test
    void anEditedValueFails() {
        Map<String, List<String>> fields = new LinkedHashMap<>(whatsAppFields());
        fields.put("Body", List.of("Olá, quero pedir 3 pizzas"));
        assertThat(validWhatsApp(WHATSAPP_URL, fields, "YKPVV0tQYiga1bS10pyhw5qgcbs="))
                .isFalse();
    }

    @Test
    void anAddedTrailingSlashFails() {
        assertThat(validWhatsApp(
                        "https://gw.example.com/twilio/whatsapp/inbound/?tenant=store-42",
                        whatsAppFields(),
                        "YKPVV0tQYiga1bS10pyhw5qgcbs="))
                .isFalse();
    }

    @Test
    void httpInPlaceOfHttpsFails() {
        assertThat(validWhatsApp(
                        "http://gw.example.com/twilio/whatsapp/inbound?tenant=store-42",
                        whatsAppFields(),
                        "YKPVV0tQYiga1bS10pyhw5qgcbs="))
                .isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "not-base64", "YKPVV0tQYiga1bS10pyhw5qgcbs"})
    void aMissingOrMalformedHeaderFails(String header) {
        assertThat(validWhatsApp(WHATSAPP_URL, whatsAppFields(), header)).isFalse();
        assertThat(validWhatsApp(WHATSAPP_URL, whatsAppFields(), null)).isFalse();
    }

    @Test
    void noConfiguredTokenMeansNothingIsValid() {
        assertThat(TwilioSignature.isValid(WHATSAPP_URL, whatsAppFields(), "YKPVV0tQYiga1bS10pyhw5qgcbs=", List.of()))
                .isFalse();
    }

    @Test
    void anyOfSeveralCandidateTokensMaySign() {
        assertThat(TwilioSignature.isValid(
                        WHATSAPP_URL,
                        whatsAppFields(),
                        "YKPVV0tQYiga1bS10pyhw5qgcbs=",
                        List.of(new Secret("other"), new Secret(WHATSAPP_TOKEN))))
                .isTrue();
    }

    static Map<String, List<String>> whatsAppFields() {
        return TwilioForm.parse(WHATSAPP_BODY.getBytes(StandardCharsets.UTF_8)).fields();
    }

    private static boolean valid(String url, Map<String, List<String>> fields, String header) {
        return TwilioSignature.isValid(url, fields, header, List.of(new Secret(TOKEN)));
    }

    private static boolean validWhatsApp(String url, Map<String, List<String>> fields, String header) {
        return TwilioSignature.isValid(url, fields, header, List.of(new Secret(WHATSAPP_TOKEN)));
    }

    private static Map<String, List<String>> fields(String... namesAndValues) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put(namesAndValues[i], List.of(namesAndValues[i + 1]));
        }
        return fields;
    }
}
