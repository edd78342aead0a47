using System.Net;
using Alchemiser.Aws.SecretsManager;
using Alchemiser.Aws.Tests.Support;
using Alchemiser.Core.Errors;

namespace Alchemiser.Aws.Tests.SecretsManager;

public sealed class AlpacaSecretReaderTests
{
    private static AlpacaSecretReader Reader(string secretString)
    {
        var body = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["ARN"] = "arn:aws:secretsmanager:us-east-1:123456789012:secret:alpaca-AbCdEf",
            ["Name"] = "alpaca",
            ["VersionId"] = "v1",
            ["SecretString"] = secretString,
        });
        var handler = new ScriptedHandler().Respond(HttpStatusCode.OK, body);
        return new AlpacaSecretReader(new SecretsManagerClient(TestClients.Over(handler)), "alpaca");
    }

    [Fact]
    public async Task The_keys_are_read_from_the_json_secret_and_never_shown_as_text()
    {
        var keys = await Reader("{\"api_key\":\"PKTESTKEY\",\"secret_key\":\"s3cr3t-value\"}").ReadAsync();

        Assert.Equal("PKTESTKEY", keys.ApiKey);
        Assert.Equal("s3cr3t-value", keys.SecretKey);
        Assert.DoesNotContain("PKTESTKEY", keys.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t-value", keys.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_secret_without_a_secret_key_is_a_configuration_error_that_names_the_member_not_the_value()
    {
        var error = await Assert.ThrowsAsync<ConfigurationException>(() => Reader("{\"api_key\":\"PKTESTKEY\"}").ReadAsync());

        Assert.Contains("secret alpaca has no secret_key", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("PKTESTKEY", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_secret_that_is_not_json_is_reported_without_quoting_it()
    {
        var error = await Assert.ThrowsAsync<ConfigurationException>(() => Reader("PKTESTKEY:s3cr3t-value").ReadAsync());

        Assert.DoesNotContain("s3cr3t-value", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.Configuration, error.Category);
    }
}
