package io.smartcloudops.agent.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.agent.testing.HostileInput;
import org.junit.jupiter.api.Test;

/** The one way untrusted text is echoed in an error message: one line, nothing invisible, bounded. */
class UntrustedTextTest {

    @Test
    void everyLineTerminatorControlAndInvisibleCharacterBecomesAQuestionMark() {
        for (String t : HostileInput.LINE_TERMINATORS) {
            assertThat(UntrustedText.printable("a" + t + "b")).isEqualTo("a" + "?".repeat(t.length()) + "b");
        }
        assertThat(UntrustedText.printable("nginx\u0000\u007f\u0085\u009b")).isEqualTo("nginx????");
        assertThat(UntrustedText.printable("\u202egnp.exe")).as("a bidi override reverses what follows").isEqualTo("?gnp.exe");
        assertThat(UntrustedText.printable("a\u200bb\ufeffc")).as("zero-width characters hide text").isEqualTo("a?b?c");
        assertThat(UntrustedText.printable("lone\ud800 and \udc00")).isEqualTo("lone? and ?");
        assertThat(UntrustedText.printable("ｎｇｉｎｘ 🔥 café")).as("visible text stays").isEqualTo("ｎｇｉｎｘ 🔥 café");
        assertThat(UntrustedText.printable(null)).isEmpty();
    }

    @Test
    void longTextIsCutAtOneLimitWithoutSplittingACharacter() {
        assertThat(UntrustedText.printable("x".repeat(UntrustedText.MAX))).hasSize(UntrustedText.MAX);
        assertThat(UntrustedText.printable("x".repeat(UntrustedText.MAX + 1))).isEqualTo("x".repeat(UntrustedText.MAX) + "...");
        String emoji = "🔥".repeat(UntrustedText.MAX);
        assertThat(UntrustedText.printable(emoji)).as("two chars each: cut after 40, none split")
                .isEqualTo("🔥".repeat(UntrustedText.MAX / 2) + "...");
        assertThat(UntrustedText.printable("x" + emoji)).isEqualTo("x" + "🔥".repeat(UntrustedText.MAX / 2 - 1) + "...");
        HostileInput in = new HostileInput(7);
        for (int i = 0; i < 2_000; i++) {
            String s = UntrustedText.printable(in.anyText(200));
            assertThat(s.length()).isLessThanOrEqualTo(UntrustedText.MAX + 3);
            assertThat(s.codePoints()).allSatisfy(c -> assertThat(UntrustedText.isPrintable(c)).isTrue());
        }
    }
}
