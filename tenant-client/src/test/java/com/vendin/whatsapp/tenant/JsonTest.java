package com.vendin.whatsapp.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void readsEveryKindOfValue() {
        Map<String, Object> object = Json.parseObject(
                " {\"s\":\"a\\\"b\\\\c\\/\\n\\u00e9\\ud83d\\ude00\",\"n\":-12.5e2,\"z\":0,\"t\":true,\"f\":false,"
                        + "\"nil\":null,\"list\":[1,[],{}],\"o\":{\"k\":\"v\"}} ");
        assertThat(object.get("s")).isEqualTo("a\"b\\c/\né😀");
        assertThat(object.get("n")).isEqualTo(new BigDecimal("-12.5e2"));
        assertThat(object.get("z")).isEqualTo(BigDecimal.ZERO);
        assertThat(object.get("t")).isEqualTo(true);
        assertThat(object.get("f")).isEqualTo(false);
        assertThat(object).containsKey("nil");
        assertThat(object.get("nil")).isNull();
        assertThat(object.get("list")).isEqualTo(List.of(BigDecimal.ONE, List.of(), Map.of()));
        assertThat(object.get("o")).isEqualTo(Map.of("k", "v"));
        assertThat(object.keySet()).containsExactly("s", "n", "z", "t", "f", "nil", "list", "o");
    }

    @Test
    void writesWhatItReads() {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("text", "Olá \"Ana\"\n\t\u0001");
        object.put("n", 3);
        object.put("list", Arrays.asList(true, null, new BigDecimal("1.50")));
        String json = Json.write(object);
        assertThat(json).isEqualTo("{\"text\":\"Olá \\\"Ana\\\"\\n\\t\\u0001\",\"n\":3,\"list\":[true,null,1.50]}");
        assertThat(Json.parse(json))
                .isEqualTo(Map.of(
                        "text",
                        "Olá \"Ana\"\n\t\u0001",
                        "n",
                        new BigDecimal("3"),
                        "list",
                        Arrays.asList(true, null, new BigDecimal("1.50"))));
    }

    @Test
    void rejectsWhatIsNotJson() {
        for (String bad : new String[] {
            "",
            "{",
            "{\"a\":}",
            "{\"a\":1,}",
            "[1 2]",
            "01",
            "-",
            "1.",
            "\"abc",
            "\"\\x\"",
            "\"\\u12\"",
            "tru",
            "{} {}",
            "{a:1}",
            "\"tab\there\""
        }) {
            assertThatThrownBy(() -> Json.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> Json.parseObject("[1]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.parse("[".repeat(100) + "]".repeat(100)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.write(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.write(new Object())).isInstanceOf(IllegalArgumentException.class);
    }
}
