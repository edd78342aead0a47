using YamlDotNet.RepresentationModel;

namespace Alchemiser.Deploy.Tests;

/// <summary>Least privilege and no secrets in template.yaml; each rule is also shown failing on a bad template.</summary>
public class TemplateSecurityTests
{
    private const string Header = "Resources:\n";

    [Fact]
    public void No_statement_of_the_template_allows_every_action_or_an_unscoped_resource()
    {
        Assert.Empty(TemplateSecurity.IamFindings(SamTemplate.Repository));
    }

    [Fact]
    public void Every_function_policy_is_a_scoped_sam_template_referencing_a_resource_of_the_stack()
    {
        var template = SamTemplate.Repository;
        Assert.All(template.Functions, function => Assert.NotEmpty(template.Properties(function).Get("Policies").AsList()));
        Assert.DoesNotContain(TemplateSecurity.IamFindings(template), f => f.Contains("policy", StringComparison.Ordinal));
    }

    [Fact]
    public void No_environment_variable_or_parameter_of_the_template_is_named_like_a_secret()
    {
        Assert.Empty(TemplateSecurity.SecretNameFindings(SamTemplate.Repository));
    }

    [Fact]
    public void Functions_that_talk_to_alpaca_get_the_secret_arn_and_may_read_only_that_secret()
    {
        var template = SamTemplate.Repository;
        foreach (var function in new[] { "StrategyOrchestrator", "StrategyWorker", "Portfolio", "Execution" })
        {
            var variables = (YamlMappingNode)((YamlMappingNode)template.Properties(function).Get("Environment")!).Get("Variables")!;
            Assert.Equal("AlpacaSecret", variables.Get("ALCHEMISER_ALPACA_SECRET_ARN")?.ReferencedId());
            Assert.Contains(template.Properties(function).Get("Policies").AsList(), p => p.ToString().Contains("AWSSecretsManagerGetSecretValuePolicy", StringComparison.Ordinal));
        }

        Assert.Equal("AWS::SecretsManager::Secret", template.Resource("AlpacaSecret").Scalar("Type"));
    }

    [Theory]
    [InlineData("\"*\"", "arn:aws:s3:::b")]
    [InlineData("s3:*", "arn:aws:s3:::b")]
    [InlineData("s3:GetObject", "\"*\"")]
    public void A_statement_with_a_wildcard_action_or_resource_is_reported(string action, string resource)
    {
        var template = SamTemplate.Parse(Header + $"""
              Role:
                Type: AWS::IAM::Role
                Properties:
                  Policies:
                    - PolicyName: p
                      PolicyDocument:
                        Statement:
                          - Effect: Allow
                            Action: {action}
                            Resource: {resource}
            """);

        Assert.Single(TemplateSecurity.IamFindings(template));
    }

    [Fact]
    public void Actions_aws_cannot_scope_may_use_any_resource_but_deny_statements_are_not_grants()
    {
        var template = SamTemplate.Parse(Header + """
              Role:
                Type: AWS::IAM::Role
                Properties:
                  Policies:
                    - PolicyName: p
                      PolicyDocument:
                        Statement:
                          - Effect: Allow
                            Action: [cloudwatch:PutMetricData, xray:PutTraceSegments]
                            Resource: "*"
                          - Effect: Deny
                            Action: s3:*
                            Resource: "*"
            """);

        Assert.Empty(TemplateSecurity.IamFindings(template));
    }

    [Theory]
    [InlineData("- AmazonS3FullAccess")]
    [InlineData("- AdministratorAccess")]
    [InlineData("- DynamoDBCrudPolicy: {TableName: \"*\"}")]
    [InlineData("- S3ReadPolicy: {BucketName: some-other-bucket}")]
    [InlineData("- AWSLambdaRole: {}")]
    public void A_function_policy_that_is_managed_or_not_scoped_to_the_stack_is_reported(string policy)
    {
        var template = SamTemplate.Parse(Header + $"""
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Policies:
                    {policy}
            """);

        Assert.Single(TemplateSecurity.IamFindings(template));
    }

    [Theory]
    [InlineData("ALPACA_API_KEY", true)]
    [InlineData("ALPACA_SECRET_KEY", true)]
    [InlineData("GITHUB_TOKEN", true)]
    [InlineData("DB_PASSWORD", true)]
    [InlineData("ALCHEMISER_ALPACA_SECRET_ARN", false)]
    [InlineData("ALCHEMISER_ALPACA_SECRET_NAME", false)]
    [InlineData("ALCHEMISER_TRADE_LEDGER_TABLE", false)]
    public void A_name_suggests_a_secret_unless_it_names_the_secret_by_arn_or_name(string name, bool suggests)
    {
        Assert.Equal(suggests, TemplateSecurity.SuggestsSecret(name));
    }

    [Fact]
    public void Secret_values_in_an_environment_variable_or_a_parameter_are_reported()
    {
        var template = SamTemplate.Parse("""
            Parameters:
              AlpacaApiKey:
                Type: String
            Globals:
              Function:
                Environment:
                  Variables:
                    ALPACA_API_KEY: !Ref AlpacaApiKey
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Environment:
                    Variables:
                      ALPACA_SECRET_KEY: abc
                      ALCHEMISER_ALPACA_SECRET_ARN: arn
            """);

        Assert.Equal(3, TemplateSecurity.SecretNameFindings(template).Count);
    }
}
