using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Alchemiser.Aws.Signing;

/// <summary>
/// AWS Signature Version 4 (header form) for every service except S3's path rules: canonical request, string to sign,
/// the HMAC-SHA256 key derived from the secret, date, region and service, and the <c>Authorization</c> header.
/// Checked against AWS's published SigV4 test suite. The secret never leaves this class.
/// </summary>
public static class SigV4Signer
{
    /// <summary>The signing algorithm's name.</summary>
    public const string Algorithm = "AWS4-HMAC-SHA256";

    /// <summary>The SHA-256 of an empty body, hex.</summary>
    public const string EmptyBodySha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    /// <summary>
    /// Signs <paramref name="request"/> at <paramref name="signingTime"/>. <c>X-Amz-Date</c> is set from the time,
    /// <c>X-Amz-Security-Token</c> is added and signed when the credentials carry a session token, and
    /// <c>x-amz-content-sha256</c> is added and signed when <paramref name="addContentSha256Header"/> is set (S3-style
    /// services need it; the JSON and query services do not).
    /// </summary>
    public static SigV4Signature Sign(
        SignableRequest request, AwsCredentials credentials, SigningScope scope, DateTimeOffset signingTime, bool addContentSha256Header = false)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(scope);

        var amzDate = signingTime.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var date = amzDate[..8];
        var payloadHash = Hex(SHA256.HashData(request.Body.Span));

        var added = new List<KeyValuePair<string, string>> { new("X-Amz-Date", amzDate) };
        if (credentials.SessionToken is not null && !HasHeader(request.Headers, "x-amz-security-token"))
        {
            added.Add(new("X-Amz-Security-Token", credentials.SessionToken));
        }

        if (addContentSha256Header && !HasHeader(request.Headers, "x-amz-content-sha256"))
        {
            added.Add(new("x-amz-content-sha256", payloadHash));
        }

        var headers = request.Headers.Where(h => !string.Equals(h.Key, "x-amz-date", StringComparison.OrdinalIgnoreCase)).Concat(added).ToList();
        if (!HasHeader(headers, "host"))
        {
            headers.Add(new("host", request.Uri.IsDefaultPort ? request.Uri.Host : $"{request.Uri.Host}:{request.Uri.Port.ToString(CultureInfo.InvariantCulture)}"));
        }

        var canonicalHeaders = headers
            .GroupBy(h => h.Key.ToLowerInvariant(), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Name: g.Key, Value: string.Join(',', g.Select(h => TrimAll(h.Value)))))
            .ToList();
        var signedHeaders = string.Join(';', canonicalHeaders.Select(h => h.Name));

        var canonical = new StringBuilder()
            .Append(request.Method.ToUpperInvariant()).Append('\n')
            .Append(CanonicalPath(request.Uri)).Append('\n')
            .Append(CanonicalQuery(request.Uri)).Append('\n');
        foreach (var (name, value) in canonicalHeaders)
        {
            canonical.Append(name).Append(':').Append(value).Append('\n');
        }

        canonical.Append('\n').Append(signedHeaders).Append('\n').Append(payloadHash);
        var canonicalRequest = canonical.ToString();

        var credentialScope = $"{date}/{scope.Region}/{scope.Service}/aws4_request";
        var stringToSign = $"{Algorithm}\n{amzDate}\n{credentialScope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";

        var key = SigningKey(credentials.SecretAccessKey, date, scope);
        var signature = Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
        added.Add(new(
            "Authorization",
            $"{Algorithm} Credential={credentials.AccessKeyId}/{credentialScope}, SignedHeaders={signedHeaders}, Signature={signature}"));
        return new SigV4Signature(canonicalRequest, stringToSign, signature, signedHeaders, added);
    }

    /// <summary>RFC 3986 encoding as SigV4 wants it: unreserved characters kept, every other UTF-8 byte as <c>%XX</c>.</summary>
    public static string UriEncode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.' or '~')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    private static byte[] SigningKey(string secret, string date, SigningScope scope)
    {
        var key = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + secret), Encoding.UTF8.GetBytes(date));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(scope.Region));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(scope.Service));
        return HMACSHA256.HashData(key, "aws4_request"u8.ToArray());
    }

    private static string CanonicalPath(Uri uri)
    {
        var raw = uri.AbsolutePath;
        var segments = new List<string>();
        foreach (var segment in raw.Split('/'))
        {
            if (segment.Length == 0 || segment == ".")
            {
                continue;
            }

            if (segment == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }

                continue;
            }

            segments.Add(UriEncode(Uri.UnescapeDataString(segment)));
        }

        var path = "/" + string.Join('/', segments);
        var endsWithSlash = raw.EndsWith('/') && !raw.EndsWith("/..", StringComparison.Ordinal) && !raw.EndsWith("/.", StringComparison.Ordinal);
        return segments.Count > 0 && endsWithSlash ? path + "/" : path;
    }

    private static string CanonicalQuery(Uri uri)
    {
        var query = uri.Query.TrimStart('?');
        if (query.Length == 0)
        {
            return string.Empty;
        }

        return string.Join('&', query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair =>
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                var name = equals < 0 ? pair : pair[..equals];
                var value = equals < 0 ? string.Empty : pair[(equals + 1)..];
                return (Name: UriEncode(Uri.UnescapeDataString(name)), Value: UriEncode(Uri.UnescapeDataString(value)));
            })
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => p.Name + "=" + p.Value));
    }

    private static string TrimAll(string value)
    {
        var builder = new StringBuilder(value.Length);
        var space = false;
        foreach (var c in value.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static bool HasHeader(IEnumerable<KeyValuePair<string, string>> headers, string name) =>
        headers.Any(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase));

    private static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);
}
