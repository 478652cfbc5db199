package com.vendin.whatsapp.domain.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.ports.common.Provider;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ReplySplitterTest {
    private static final String[] WORDS = {
        "camiseta", "azul", "tem", "no", "tamanho", "M", "entrega", "amanhã", "pedido", "obrigado", "sim", "Olá", "loja"
    };

    static Stream<String> tenThousandCharacterReplies() {
        return Stream.of(text(0, 0), text(12, 0), text(12, 5));
    }

    @ParameterizedTest
    @MethodSource("tenThousandCharacterReplies")
    void tenThousandCharactersGoInThreePartsOnMetaAndSevenOnTwilio(String text) {
        assertThat(text).hasSize(10_000);

        assertThat(ReplySplitter.split(text, ReplySplitter.limitFor(Provider.FACEBOOK)))
                .hasSize(3);
        assertThat(ReplySplitter.split(text, ReplySplitter.limitFor(Provider.TWILIO)))
                .hasSize(7);
    }

    @ParameterizedTest
    @MethodSource("tenThousandCharacterReplies")
    void partsRejoinToTheOriginalAndNoneIsTooLongOrCutInsideAWord(String text) {
        for (int limit : new int[] {ReplySplitter.META_LIMIT, ReplySplitter.TWILIO_LIMIT, 97}) {
            List<String> parts = ReplySplitter.split(text, limit);

            assertThat(String.join("", parts)).isEqualTo(text);
            assertThat(parts).allSatisfy(p -> assertThat(p).isNotEmpty().hasSizeLessThanOrEqualTo(limit));
            assertThat(parts.subList(0, parts.size() - 1))
                    .allSatisfy(p -> assertThat(Character.isWhitespace(p.charAt(p.length() - 1)))
                            .isTrue());
        }
    }

    @Test
    void limitsFollowTheProvider() {
        assertThat(ReplySplitter.limitFor(Provider.FACEBOOK)).isEqualTo(4096);
        assertThat(ReplySplitter.limitFor(Provider.TWILIO)).isEqualTo(1600);
    }

    @Test
    void paragraphBreakWinsOverALaterSentenceEnd() {
        String text = "Temos azul e preto.\n\nEntrega amanhã. Pagamento na entrega. Obrigado!";

        List<String> parts = ReplySplitter.split(text, 40);

        assertThat(parts.get(0)).isEqualTo("Temos azul e preto.\n\n");
        assertThat(String.join("", parts)).isEqualTo(text);
    }

    @Test
    void sentenceEndWinsOverALaterSpace() {
        String text = "Temos azul e preto em estoque. Entrega amanhã cedo pela manhã";

        List<String> parts = ReplySplitter.split(text, 45);

        assertThat(parts).containsExactly("Temos azul e preto em estoque. ", "Entrega amanhã cedo pela manhã");
    }

    @Test
    void spaceIsUsedWhenThereIsNoSentenceEnd() {
        List<String> parts = ReplySplitter.split("camiseta azul tamanho grande", 20);

        assertThat(parts).containsExactly("camiseta azul ", "tamanho grande");
    }

    @Test
    void boundaryInTheFirstHalfIsPassedOverForAFullerPart() {
        String text = "Oi.\n\nTemos a camiseta azul no tamanho M e a entrega sai amanhã cedo";

        List<String> parts = ReplySplitter.split(text, 40);

        assertThat(parts.get(0)).hasSizeGreaterThan(20).endsWith(" ");
        assertThat(String.join("", parts)).isEqualTo(text);
    }

    @Test
    void wordLongerThanTheLimitIsCutHardButNeverInsideASurrogatePair() {
        String text = "a" + "😀".repeat(5_000);

        List<String> parts = ReplySplitter.split(text, ReplySplitter.META_LIMIT);

        assertThat(String.join("", parts)).isEqualTo(text);
        assertThat(parts).hasSize(3).allSatisfy(p -> {
            assertThat(p.length()).isLessThanOrEqualTo(ReplySplitter.META_LIMIT);
            assertThat(Character.isHighSurrogate(p.charAt(p.length() - 1))).isFalse();
            assertThat(Character.isLowSurrogate(p.charAt(0))).isFalse();
        });
    }

    @Test
    void shortTextIsOnePartAndEmptyTextNone() {
        String exact = "x".repeat(ReplySplitter.TWILIO_LIMIT);

        assertThat(ReplySplitter.split(exact, ReplySplitter.TWILIO_LIMIT)).containsExactly(exact);
        assertThat(ReplySplitter.split(exact + "y", ReplySplitter.TWILIO_LIMIT)).hasSize(2);
        assertThat(ReplySplitter.split("", ReplySplitter.TWILIO_LIMIT)).isEmpty();
    }

    /**
     * Exactly 10,000 characters of words; a sentence ends every {@code sentenceWords} words and a
     * paragraph every {@code paragraphSentences} sentences (0 = never).
     */
    private static String text(int sentenceWords, int paragraphSentences) {
        Random random = new Random(42);
        StringBuilder text = new StringBuilder();
        int words = 0;
        int sentences = 0;
        while (text.length() < 10_000) {
            text.append(WORDS[random.nextInt(WORDS.length)]);
            words++;
            if (sentenceWords > 0 && words % sentenceWords == 0) {
                text.append('.');
                sentences++;
                text.append(paragraphSentences > 0 && sentences % paragraphSentences == 0 ? "\n\n" : " ");
            } else {
                text.append(' ');
            }
        }
        return text.substring(0, 10_000);
    }
}
