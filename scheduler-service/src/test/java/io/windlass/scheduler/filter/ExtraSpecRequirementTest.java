package io.windlass.scheduler.filter;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The operator table of Nova's extra_specs_ops, case by case. */
class ExtraSpecRequirementTest {

    @ParameterizedTest(name = "value {0} requirement ''{1}'' -> {2}")
    @CsvSource(delimiter = '|', value = {
            "true      | true               | true",
            "true      | false              | false",
            "1024      | 1024               | true",
            // '=' means at least
            "1024      | = 512              | true",
            "1024      | = 1024             | true",
            "512       | = 1024             | false",
            "12311321  | == 12311321        | true",
            "12311321  | == 12311322        | false",
            "12.0      | == 12              | true",
            "12311321  | != 12311321        | false",
            "12311321  | != 12311322        | true",
            "1000      | >= 999             | true",
            "999       | >= 1000            | false",
            "1000      | <= 1001            | true",
            "1002      | <= 1001            | false",
            "abc       | = 12               | false",
            "12        | s== 12             | true",
            "12        | s== 123            | false",
            "12        | s!= 123            | true",
            "12        | s!= 12             | false",
            "12        | s< 2               | true",
            "2         | s< 12              | false",
            "12        | s<= 12             | true",
            "13        | s<= 12             | false",
            "2         | s> 12              | true",
            "12        | s> 2               | false",
            "12        | s>= 12             | true",
            "11        | s>= 12             | false",
            "<aes> <sse2> | <in> <aes>      | true",
            "<sse2>    | <in> <aes>         | false",
            "aes sse2  | <in> sse           | true",
            "<aes> <sse2> | <all-in> <aes> <sse2> | true",
            "<aes>     | <all-in> <aes> <sse2> | false",
            "11        | <or> 11 <or> 12    | true",
            "12        | <or> 11 <or> 12    | true",
            "13        | <or> 11 <or> 12    | false",
            "12        | <or> 12            | true",
            "13        | <or> 11 <or>       | false",
            "12        | ==                 | false",
    })
    void matchesAsNovaDoes(String value, String requirement, boolean expected) {
        assertEquals(expected, ExtraSpecRequirement.matches(value, requirement));
    }

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "\"\"                 | ",
            "\"   \"              | ",
            "true                   | true",
            "\"  true \"          | true",
            "\"<or>  11\t<or> 12 \" | <or>,11,<or>,12",
            "\"= 512\"            | =,512",
    })
    void splitsOnRunsOfWhitespaceLikeTheRegularExpression(String requirement, String expected) {
        List<String> words = ExtraSpecRequirement.words(requirement);

        assertEquals(expected == null ? List.of() : List.of(expected.split(",")), words);
        assertEquals(Arrays.stream(requirement.strip().split("\\s+")).filter(w -> !w.isEmpty()).toList(), words,
                "the same words as the split it replaces");
    }
}
