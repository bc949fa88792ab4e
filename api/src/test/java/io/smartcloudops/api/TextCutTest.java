package io.smartcloudops.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TextCutTest {

    @Test
    void shortTextIsLeftAloneAndLongTextIsCutAndMarked() {
        assertThat(TextCut.ellipsis("abc", 3)).isEqualTo("abc");
        assertThat(TextCut.ellipsis("abcd", 3)).isEqualTo("abc...");
        assertThat(TextCut.ellipsis("abcd", 3, "…")).isEqualTo("abc…");
        assertThat(TextCut.head("abcd", 3)).isEqualTo("abc");
        assertThat(TextCut.ellipsis(null, 3)).isNull();
        assertThat(TextCut.head(null, 3)).isNull();
    }

    @Test
    void aCutNeverSplitsACharacterOutsideTheBasicPlane() {
        String text = "ab\uD83D\uDD25cd"; // ab🔥cd: the emoji is two UTF-16 units
        assertThat(TextCut.head(text, 3)).isEqualTo("ab");
        assertThat(TextCut.ellipsis(text, 4)).isEqualTo("ab\uD83D\uDD25...");
    }

    @Test
    void aNegativeLimitIsAProgrammingError() {
        assertThatThrownBy(() -> TextCut.head("x", -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("max");
    }
}
