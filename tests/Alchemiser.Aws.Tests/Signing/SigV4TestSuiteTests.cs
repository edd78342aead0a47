using System.Text;
using Alchemiser.Aws.Signing;

namespace Alchemiser.Aws.Tests.Signing;

/// <summary>
/// AWS's published Signature Version 4 test suite (aws-sig-v4-test-suite, 2015-08-30): credentials AKIDEXAMPLE /
/// wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY, region us-east-1, service "service". Expected canonical requests, string-to-sign
/// hashes and Authorization headers are the suite's own <c>.creq</c>, <c>.sts</c> and <c>.authz</c> texts.
/// </summary>
public sealed class SigV4TestSuiteTests
{
    private const string Scope = "AKIDEXAMPLE/20150830/us-east-1/service/aws4_request";
    private const string SessionToken =
        "AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA==";

    private static readonly DateTimeOffset SigningTime = new(2015, 8, 30, 12, 36, 0, TimeSpan.Zero);
    private static readonly SigningScope ServiceScope = new("us-east-1", "service");
    private static readonly AwsCredentials Credentials = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");

    public static TheoryData<string, string, string, string[], string, string> Vectors => new()
    {
        // name, method, path and query, extra headers ("Name:value"), body, Authorization signature
        { "get-vanilla", "GET", "/", [], "", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31" },
        { "get-vanilla-query-order-key-case", "GET", "/?Param2=value2&Param1=value1", [], "", "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500" },
        { "get-vanilla-query-order-key", "GET", "/?Param1=value2&Param1=Value1", [], "", "eedbc4e291e521cf13422ffca22be7d2eb8146eecf653089df300a15b2382bd1" },
        { "get-vanilla-query-order-value", "GET", "/?Param1=value2&Param1=value1", [], "", "5772eed61e12b33fae39ee5e7012498b51d56abc0abb7c60486157bd471c4694" },
        { "get-vanilla-empty-query-key", "GET", "/?Param1=value1", [], "", "a67d582fa61cc504c4bae71f336f98b97f1ea3c7a6bfe1b6e45aec72011b9aeb" },
        { "get-vanilla-query-unreserved", "GET", "/?-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz=-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", [], "", "9c3e54bfcdf0b19771a7f523ee5669cdf59bc7cc0884027167c21bb143a40197" },
        { "get-vanilla-utf8-query", "GET", "/?\u1234=bar", [], "", "2cdec8eed098649ff3a119c94853b13c643bcf08f8b0a1d91e12c9027818dd04" },
        { "get-unreserved", "GET", "/-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", [], "", "07ef7494c76fa4850883e2b006601f940f8a34d404d0cfa977f52a65bbf5f24f" },
        { "get-header-key-duplicate", "GET", "/", ["My-Header1:value2", "My-Header1:value2", "My-Header1:value1"], "", "c9d5ea9f3f72853aea855b47ea873832890dbdd183b4468f858259531a5138ea" },
        { "get-header-value-order", "GET", "/", ["My-Header1:value4", "My-Header1:value1", "My-Header1:value3", "My-Header1:value2"], "", "08c7e5a9acfcfeb3ab6b2185e75ce8b1deb5e634ec47601a50643f830c755c01" },
        { "get-header-value-trim", "GET", "/", ["My-Header1: value1", "My-Header2: \"a   b   c\""], "", "acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736" },
        { "get-space (normalize-path)", "GET", "/example space/", [], "", "652487583200325589f1fba4c7e578f72c47cb61beeca81406b39ddec1366741" },
        { "get-slashes (normalize-path)", "GET", "//example//", [], "", "9a624bd73a37c9a373b5312afbebe7a714a789de108f0bdfe846570885f57e84" },
        { "get-slash-pointless-dot (normalize-path)", "GET", "/./example", [], "", "ef75d96142cf21edca26f06005da7988e4f8dc83a165a80865db7089db637ec5" },
        { "post-vanilla", "POST", "/", [], "", "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b" },
        { "post-vanilla-query", "POST", "/?Param1=value1", [], "", "28038455d6de14eafc1f9222cf5aa6f1a96197d7deb8263271d420d138af7f11" },
        { "post-header-key-sort", "POST", "/", ["My-Header1:value1"], "", "c5410059b04c1ee005303aed430f6e6645f61f4dc9e1461ec8f8916fdf18852c" },
        { "post-header-value-case", "POST", "/", ["My-Header1:VALUE1"], "", "cdbc9802e29d2942e5e10b5bccfdd67c5f22c7c4e8ae67b53629efa58b974b7d" },
        { "post-x-www-form-urlencoded", "POST", "/", ["Content-Type:application/x-www-form-urlencoded"], "Param1=value1", "ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a" },
        { "post-x-www-form-urlencoded-parameters", "POST", "/", ["Content-Type:application/x-www-form-urlencoded; charset=utf8"], "Param1=value1", "1a72ec8f64bd914b0e42e42607c7fbce7fb2c7465f63e3092b3b0d39fa77a6fe" },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Every_request_of_the_published_suite_gets_the_published_Authorization_header(
        string name, string method, string pathAndQuery, string[] headers, string body, string signature)
    {
        var signed = Sign(method, pathAndQuery, headers, body, Credentials);

        var signedHeaders = string.Join(';', new[] { "host", "x-amz-date" }
            .Concat(headers.Select(h => h[..h.IndexOf(':', StringComparison.Ordinal)].ToLowerInvariant()))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal));
        Assert.True(
            string.Equals($"AWS4-HMAC-SHA256 Credential={Scope}, SignedHeaders={signedHeaders}, Signature={signature}", signed.Authorization, StringComparison.Ordinal),
            $"{name}: got {signed.Authorization}\ncanonical request:\n{signed.CanonicalRequest}");
    }

    [Fact]
    public void The_get_vanilla_canonical_request_and_string_to_sign_are_the_suites_texts()
    {
        var signed = Sign("GET", "/", [], "", Credentials);

        Assert.Equal(
            "GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            signed.CanonicalRequest);
        Assert.Equal(
            "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\nbb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63",
            signed.StringToSign);
    }

    [Fact]
    public void Query_parameters_are_sorted_by_name_then_value_in_the_canonical_request()
    {
        var signed = Sign("GET", "/?Param2=value2&Param1=value1", [], "", Credentials);

        Assert.Equal(
            "GET\n/\nParam1=value1&Param2=value2\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            signed.CanonicalRequest);
    }

    [Fact]
    public void A_form_body_is_hashed_into_the_canonical_request_and_the_string_to_sign_matches_the_suite()
    {
        // The suite's post-x-www-form-urlencoded.sts ends in the hash of the canonical request signed over
        // content-type;host;x-amz-date (the .authz names exactly those headers).
        var signed = Sign("POST", "/", ["Content-Type:application/x-www-form-urlencoded"], "Param1=value1", Credentials);

        Assert.EndsWith("\n9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e", signed.CanonicalRequest, StringComparison.Ordinal);
        Assert.Equal(
            "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n42a5e5bb34198acb3e84da4f085bb7927f2bc277ca766e6d19c73c2154021281",
            signed.StringToSign);
    }

    [Fact]
    public void A_session_token_is_sent_and_signed_as_in_the_suites_post_sts_header_before()
    {
        var signed = Sign("POST", "/", [], "", new AwsCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", SessionToken));

        Assert.Equal(
            $"AWS4-HMAC-SHA256 Credential={Scope}, SignedHeaders=host;x-amz-date;x-amz-security-token, Signature=85d96828115b5dc0cfc3bd16ad9e210dd772bbebba041836c64533a82be05ead",
            signed.Authorization);
        Assert.Contains(signed.HeadersToAdd, h => h.Key == "X-Amz-Security-Token" && h.Value == SessionToken);
        Assert.EndsWith("c237e1b440d4c63c32ca95b5b99481081cb7b13c7e40434868e71567c1a882f6", signed.StringToSign, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_term_credentials_add_no_security_token_header()
    {
        var signed = Sign("POST", "/", [], "", Credentials);

        Assert.DoesNotContain(signed.HeadersToAdd, h => string.Equals(h.Key, "X-Amz-Security-Token", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(signed.HeadersToAdd, h => h.Key == "X-Amz-Date" && h.Value == "20150830T123600Z");
    }

    [Fact]
    public void The_content_sha256_header_is_added_and_signed_only_when_asked_for()
    {
        var request = new SignableRequest("PUT", new Uri("https://example.amazonaws.com/"), [], Encoding.UTF8.GetBytes("Param1=value1"));

        var with = SigV4Signer.Sign(request, Credentials, ServiceScope, SigningTime, addContentSha256Header: true);
        var without = SigV4Signer.Sign(request, Credentials, ServiceScope, SigningTime);

        Assert.Contains(with.HeadersToAdd, h => h.Key == "x-amz-content-sha256" && h.Value == "9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e");
        Assert.Equal("host;x-amz-content-sha256;x-amz-date", with.SignedHeaders);
        Assert.DoesNotContain(without.HeadersToAdd, h => h.Key == "x-amz-content-sha256");
    }

    [Fact]
    public void A_different_secret_gives_a_different_signature()
    {
        var right = Sign("GET", "/", [], "", Credentials);
        var wrong = Sign("GET", "/", [], "", new AwsCredentials("AKIDEXAMPLE", "not-the-secret"));

        Assert.NotEqual(right.Signature, wrong.Signature);
    }

    [Fact]
    public void Credentials_never_show_their_secret_or_token_as_text()
    {
        var credentials = new AwsCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", SessionToken);

        var text = credentials.ToString();

        Assert.Contains("AKIDEXAMPLE", text, StringComparison.Ordinal);
        Assert.DoesNotContain("wJalrXUtnFEMI", text, StringComparison.Ordinal);
        Assert.DoesNotContain("AQoDYXdz", text, StringComparison.Ordinal);
    }

    private static SigV4Signature Sign(string method, string pathAndQuery, string[] headers, string body, AwsCredentials credentials)
    {
        var list = new List<KeyValuePair<string, string>> { new("Host", "example.amazonaws.com") };
        list.AddRange(headers.Select(h =>
        {
            var colon = h.IndexOf(':', StringComparison.Ordinal);
            return new KeyValuePair<string, string>(h[..colon], h[(colon + 1)..]);
        }));
        var uri = new Uri("https://example.amazonaws.com" + pathAndQuery);
        var request = new SignableRequest(method, uri, list, Encoding.UTF8.GetBytes(body));
        return SigV4Signer.Sign(request, credentials, ServiceScope, SigningTime);
    }

    [Fact]
    public void The_signing_time_is_written_in_UTC_whatever_offset_it_comes_with()
    {
        var local = new DateTimeOffset(2015, 8, 30, 8, 36, 0, TimeSpan.FromHours(-4));
        var request = new SignableRequest("GET", new Uri("https://example.amazonaws.com/"), [], ReadOnlyMemory<byte>.Empty);

        var signed = SigV4Signer.Sign(request, Credentials, ServiceScope, local);

        Assert.Equal("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31", signed.Signature);
    }
}
