using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Alchemiser.Alpaca.TestServer.Http;

/// <summary>
/// Alpaca's API-key authentication: both headers present once, each equal to the configured value (compared in
/// constant time). Also blanks the configured values out of any text the server keeps, so a client that leaks its
/// key into a query or body does not leak it into the journal.
/// </summary>
internal sealed class ApiKeys
{
    public const string KeyIdHeader = "APCA-API-KEY-ID";
    public const string SecretHeader = "APCA-API-SECRET-KEY";
    private const string Blank = "[REDACTED]";

    private readonly string _keyId;
    private readonly string _secret;

    public ApiKeys(string keyId, string secret)
    {
        _keyId = keyId;
        _secret = secret;
    }

    /// <summary>True when the request carries the configured key id and secret.</summary>
    public bool Accept(IHeaderDictionary headers)
    {
        var keyMatches = Matches(headers[KeyIdHeader], _keyId);
        var secretMatches = Matches(headers[SecretHeader], _secret);
        return keyMatches && secretMatches;
    }

    /// <summary><paramref name="text"/> with every occurrence of the configured secret and key id replaced.</summary>
    public string Redact(string text) =>
        text.Replace(_secret, Blank, StringComparison.Ordinal).Replace(_keyId, Blank, StringComparison.Ordinal);

    private static bool Matches(StringValues presented, string expected) =>
        presented.Count == 1
        && presented[0] is { } value
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(value), Encoding.UTF8.GetBytes(expected));
}
