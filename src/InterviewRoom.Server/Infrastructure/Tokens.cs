using System.Security.Cryptography;
using System.Text;

namespace InterviewRoom.Server.Infrastructure;

/// <summary>Bearer secrets and join codes. Only a token's hash is ever stored.</summary>
internal static class Tokens
{
    // No 0/O, 1/I/L: a code read aloud in a class is typed right.
    private const string CodeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    /// <summary>256 random bits, URL-safe.</summary>
    public static string NewSecret() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string NewJoinCode(int length = 8) =>
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

    public static string NormalizeJoinCode(string code) => code.Trim().ToUpperInvariant();

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
