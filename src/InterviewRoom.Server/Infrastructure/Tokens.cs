using System.Security.Cryptography;
using System.Text;

namespace InterviewRoom.Server.Infrastructure;

/// <summary>Bearer secrets and join codes. Only a token's hash is ever stored.</summary>
internal static class Tokens
{
    // No 0/O, 1/I/L: a code read aloud in a class is typed right.
    private const string CodeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    /// <summary>
    /// 12 of 31 characters: 59.4 bits, so guessing at the join limits takes millennia (ADR 17). Codes issued before
    /// were 8 characters; they keep working until they expire.
    /// </summary>
    public const int JoinCodeLength = 12;

    /// <summary>Longer than any code ever issued: such input is refused without a lookup.</summary>
    public const int MaxJoinCodeInput = 32;

    /// <summary>256 random bits, URL-safe.</summary>
    public static string NewSecret() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string NewJoinCode(int length = JoinCodeLength) =>
        new(RandomNumberGenerator.GetItems<char>(CodeAlphabet, length));

    /// <summary>A new join code that <paramref name="isTaken"/> says nobody uses yet (room and class codes alike).</summary>
    public static async Task<string> FreeJoinCodeAsync(Func<string, Task<bool>> isTaken)
    {
        while (true)
        {
            var code = NewJoinCode();
            if (!await isTaken(code))
            {
                return code;
            }
        }
    }

    /// <summary>
    /// A code as stored, from what a person typed: any case, and the groups the pages show it in
    /// (<c>ABCD-EFGH-JKMN</c>) or spaces between them.
    /// </summary>
    public static string NormalizeJoinCode(string code) =>
        string.Concat(code.Where(c => c != '-' && !char.IsWhiteSpace(c))).ToUpperInvariant();

    /// <summary>
    /// Whether <paramref name="offered"/> is <paramref name="secret"/>, in time that does not depend on how much of it
    /// matched. A missing secret (a room from before observer links) matches nothing.
    /// </summary>
    public static bool SameSecret(string? secret, string? offered) =>
        secret is not null && offered is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(offered));

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
