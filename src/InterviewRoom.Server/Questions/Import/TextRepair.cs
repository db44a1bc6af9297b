using System.Text;
using System.Text.RegularExpressions;

namespace InterviewRoom.Server.Questions.Import;

/// <summary>
/// Repairs characters the scraper mis-decoded: UTF-8 bytes read as Windows-1252 ("â€”" for "—", "â€™" for "’",
/// "Ã©" for "é") and the truncated form the seed actually contains, a lone "â" between spaces where an em dash
/// was (questions 23, 52 and 103). Also drops stray markdown bold markers ("**Avoid SELECT ***", question 121).
/// </summary>
internal static partial class TextRepair
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // Windows-1252 bytes 0x80..0x9F as the characters a mis-decode turns them into.
    private static readonly Dictionary<char, byte> Cp1252Specials = new()
    {
        ['€'] = 0x80, ['‚'] = 0x82, ['ƒ'] = 0x83, ['„'] = 0x84, ['…'] = 0x85, ['†'] = 0x86, ['‡'] = 0x87,
        ['ˆ'] = 0x88, ['‰'] = 0x89, ['Š'] = 0x8A, ['‹'] = 0x8B, ['Œ'] = 0x8C, ['Ž'] = 0x8E, ['‘'] = 0x91,
        ['’'] = 0x92, ['“'] = 0x93, ['”'] = 0x94, ['•'] = 0x95, ['–'] = 0x96, ['—'] = 0x97, ['˜'] = 0x98,
        ['™'] = 0x99, ['š'] = 0x9A, ['›'] = 0x9B, ['œ'] = 0x9C, ['ž'] = 0x9E, ['Ÿ'] = 0x9F,
    };

    public static string Repair(string text)
    {
        var repaired = RepairMojibake(text);
        repaired = LoneEmDash().Replace(repaired, "—");
        repaired = LoneNbspPrefix().Replace(repaired, " ");
        repaired = repaired.Replace('\u00A0', ' ').Replace("\uFEFF", string.Empty, StringComparison.Ordinal);
        repaired = C1Controls().Replace(repaired, string.Empty);
        return MarkdownBold().Replace(repaired, "$1");
    }

    /// <summary>Re-decodes every run that is a valid UTF-8 sequence when read back as Windows-1252 bytes.</summary>
    private static string RepairMojibake(string text)
    {
        var output = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (TryDecodeAt(text, i, out var decoded, out var consumed))
            {
                output.Append(decoded);
                i += consumed - 1;
            }
            else
            {
                output.Append(text[i]);
            }
        }

        return output.ToString();
    }

    private static bool TryDecodeAt(string text, int start, out string decoded, out int consumed)
    {
        decoded = string.Empty;
        var lead = text[start];
        consumed = lead switch
        {
            >= '\u00C2' and <= '\u00DF' => 2,
            >= '\u00E0' and <= '\u00EF' => 3,
            >= '\u00F0' and <= '\u00F4' => 4,
            _ => 0,
        };
        if (consumed == 0 || start + consumed > text.Length)
        {
            return false;
        }

        var bytes = new byte[consumed];
        bytes[0] = (byte)lead;
        for (var k = 1; k < consumed; k++)
        {
            if (!TryContinuationByte(text[start + k], out bytes[k]))
            {
                return false;
            }
        }

        try
        {
            decoded = StrictUtf8.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static bool TryContinuationByte(char c, out byte value)
    {
        if (Cp1252Specials.TryGetValue(c, out value))
        {
            return true;
        }

        value = (byte)c;
        return c is >= '\u0080' and <= '\u00BF';
    }

    // "â" alone between spaces is the first byte of an em dash whose other two bytes were lost.
    [GeneratedRegex(@"(?<=\s)â(?=\s)")]
    private static partial Regex LoneEmDash();

    // "Â" before a space is what is left of a non-breaking space.
    [GeneratedRegex(@"Â(?=\s)")]
    private static partial Regex LoneNbspPrefix();

    [GeneratedRegex(@"[\u0080-\u009F]")]
    private static partial Regex C1Controls();

    [GeneratedRegex(@"\*\*(\S.*?)\*\*")]
    private static partial Regex MarkdownBold();
}
