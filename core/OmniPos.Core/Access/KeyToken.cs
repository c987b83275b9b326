using System.Security.Cryptography;
using System.Text;

namespace OmniPos.Core.Access;

/// <summary>
/// Tokens of the form <c>opk_{keyId}_{secret}</c>: the id finds the key, the 256-bit random secret proves it. The store
/// keeps a random salt and SHA-256(salt ‖ secret); a secret that random needs no slow hash.
/// </summary>
internal static class KeyToken
{
    private const string Prefix = "opk_";

    public static (string KeyId, string Secret, string Token) New()
    {
        var keyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (keyId, secret, $"{Prefix}{keyId}_{secret}");
    }

    public static bool TryParse(string token, out string keyId, out string secret)
    {
        (keyId, secret) = ("", "");
        if (!token.StartsWith(Prefix, StringComparison.Ordinal) || token.IndexOf('_', Prefix.Length) is not (> 0 and var separator))
        {
            return false;
        }

        (keyId, secret) = (token[Prefix.Length..separator], token[(separator + 1)..]);
        return keyId.Length > 0 && secret.Length > 0;
    }

    public static string NewSalt() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public static string Hash(string salt, string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(salt + secret)));

    /// <summary>A whole token's SHA-256, to recognise a token again without keeping it.</summary>
    public static string Fingerprint(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Whether the secret matches the stored hash, in time that does not depend on where they differ.</summary>
    public static bool Matches(string salt, string secret, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(salt, secret)), Encoding.ASCII.GetBytes(storedHash));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
