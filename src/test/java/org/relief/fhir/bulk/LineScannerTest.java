package org.relief.fhir.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The first pass's line reader: offsets that read the line back, bounded lines, any line end. */
class LineScannerTest {

    @Test
    void linesAcrossBufferEdgesReadBackByOffsetAndALongLineIsSkippedToItsEnd() throws Exception {
        String a = "{\"a\":\"" + "x".repeat(70_000) + "\"}"; // longer than the 64 KB read buffer
        String b = "{\"b\":1}";
        String tooLong = "y".repeat(200_000); // over the 100,000-byte limit below
        String c = "{\"c\":\"é\"}"; // non-ASCII: offsets are bytes
        String text = a + "\n" + b + "\r\n\n   \n" + tooLong + "\n" + c; // no newline at the end
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        FolderPacket.LineScanner lines = new FolderPacket.LineScanner(new ByteArrayInputStream(bytes), 100_000);
        List<String> read = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        List<Boolean> blanks = new ArrayList<>();
        while (lines.next()) {
            numbers.add(lines.lineNo());
            blanks.add(lines.blank());
            if (lines.tooLong()) {
                read.add("TOO LONG");
                continue;
            }
            String line = lines.text();
            read.add(line);
            // the offset and length read the same bytes back from the file
            String back = new String(
                    Arrays.copyOfRange(bytes, (int) lines.offset(), (int) lines.offset() + lines.length()),
                    StandardCharsets.UTF_8);
            assertThat(back).isEqualTo(line);
        }
        assertThat(read).containsExactly(a, b, "", "   ", "TOO LONG", c);
        assertThat(numbers).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(blanks).containsExactly(false, false, true, true, false, false);
    }

    @Test
    void anEmptyFileHasNoLines() throws Exception {
        assertThat(new FolderPacket.LineScanner(new ByteArrayInputStream(new byte[0]), 10).next())
                .isFalse();
    }
}
