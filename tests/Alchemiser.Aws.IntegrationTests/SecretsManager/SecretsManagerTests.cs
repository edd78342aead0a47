using Alchemiser.Aws.Http;
using Alchemiser.Aws.IntegrationTests.Support;
using Alchemiser.Aws.SecretsManager;

namespace Alchemiser.Aws.IntegrationTests.SecretsManager;

[Trait("Category", "Integration")]
[Collection(MotoCollection.Name)]
public sealed class SecretsManagerTests(MotoServer moto)
{
    private readonly SecretsManagerClient _secrets = new(MotoAws.Client(moto));

    [Fact]
    public async Task The_alpaca_keys_stored_in_a_secret_are_read_back()
    {
        var name = MotoAws.UniqueName("alpaca");
        await _secrets.CreateSecretAsync(name, "{\"api_key\":\"PKINTEGRATION\",\"secret_key\":\"integration-secret\"}");

        var keys = await new AlpacaSecretReader(_secrets, name).ReadAsync();

        Assert.Equal("PKINTEGRATION", keys.ApiKey);
        Assert.Equal("integration-secret", keys.SecretKey);
    }

    [Fact]
    public async Task A_missing_secret_is_a_typed_error_naming_the_operation()
    {
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => _secrets.GetSecretValueAsync(MotoAws.UniqueName("absent")));

        Assert.Equal("secretsmanager", error.Service);
        Assert.Equal("GetSecretValue", error.Operation);
        Assert.Equal("ResourceNotFoundException", error.ErrorCode);
    }
}
