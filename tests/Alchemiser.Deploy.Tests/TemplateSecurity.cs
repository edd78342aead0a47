using YamlDotNet.RepresentationModel;

namespace Alchemiser.Deploy.Tests;

/// <summary>
/// The least-privilege and no-secrets rules for template.yaml, as findings (empty = the template keeps the rules).
/// </summary>
internal static class TemplateSecurity
{
    /// <summary>
    /// Actions AWS does not let a policy scope to a resource, so they may (and must) use <c>Resource: "*"</c>:
    /// CloudWatch metric data, X-Ray trace segments and telemetry, and the calls that only list or create in an account.
    /// </summary>
    public static readonly IReadOnlySet<string> ActionsRequiringAnyResource = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "cloudwatch:PutMetricData",
        "xray:PutTraceSegments",
        "xray:PutTelemetryRecords",
        "xray:GetSamplingRules",
        "xray:GetSamplingTargets",
        "sqs:ListQueues",
        "sns:ListTopics",
        "events:ListEventBuses",
        "secretsmanager:ListSecrets",
        "s3:ListAllMyBuckets",
    };

    /// <summary>SAM policy templates whose parameters scope them to one resource (given as a reference).</summary>
    public static readonly IReadOnlySet<string> ScopedPolicyTemplates = new HashSet<string>(StringComparer.Ordinal)
    {
        "EventBridgePutEventsPolicy", "DynamoDBCrudPolicy", "DynamoDBReadPolicy", "DynamoDBWritePolicy", "S3ReadPolicy",
        "S3WritePolicy", "S3CrudPolicy", "SQSPollerPolicy", "SQSSendMessagePolicy", "SNSPublishMessagePolicy",
        "AWSSecretsManagerGetSecretValuePolicy", "LambdaInvokePolicy",
    };

    private static readonly string[] SecretWords = ["KEY", "SECRET", "TOKEN", "PASSWORD", "PASSWD", "CREDENTIAL"];
    private static readonly string[] SecretReferenceSuffixes = ["_SECRET_ARN", "_SECRET_NAME"];

    /// <summary>Allow statements with wildcard actions or an unscoped resource, and unscoped SAM policies.</summary>
    public static IReadOnlyList<string> IamFindings(SamTemplate template)
    {
        var findings = new List<string>();
        foreach (var node in template.Resources.Descendants().OfType<YamlMappingNode>())
        {
            foreach (var statement in node.Get("Statement").AsList().OfType<YamlMappingNode>())
            {
                CheckStatement(statement, findings);
            }
        }

        foreach (var function in template.Functions)
        {
            foreach (var policy in template.Properties(function).Get("Policies").AsList())
            {
                CheckSamPolicy(template, function, policy, findings);
            }
        }

        return findings;
    }

    /// <summary>Environment variables and parameters whose names suggest they hold a secret value.</summary>
    public static IReadOnlyList<string> SecretNameFindings(SamTemplate template)
    {
        var findings = template.EnvironmentVariableNames()
            .Where(v => SuggestsSecret(v.Name))
            .Select(v => $"{v.Where}: the environment variable {v.Name} looks like it holds a secret; pass the secret's ARN (*_SECRET_ARN) instead")
            .ToList();
        if (template.Root.Get("Parameters") is YamlMappingNode parameters)
        {
            findings.AddRange(parameters.Children.Keys.OfType<YamlScalarNode>()
                .Where(k => SuggestsSecret(k.Value!))
                .Select(k => $"Parameters: {k.Value} looks like a secret value; keep keys in Secrets Manager"));
        }

        return findings;
    }

    public static bool SuggestsSecret(string name)
    {
        var upper = name.ToUpperInvariant();
        return SecretWords.Any(word => upper.Contains(word, StringComparison.Ordinal))
            && !SecretReferenceSuffixes.Any(suffix => upper.EndsWith(suffix, StringComparison.Ordinal));
    }

    private static void CheckStatement(YamlMappingNode statement, List<string> findings)
    {
        if (statement.Scalar("Effect") != "Allow")
        {
            return;
        }

        var where = $"statement at line {statement.Start.Line}";
        if (statement.Get("NotAction") is not null || statement.Get("NotResource") is not null)
        {
            findings.Add($"{where}: Allow with NotAction/NotResource grants everything else");
        }

        var actions = statement.Get("Action").AsList().OfType<YamlScalarNode>().Select(a => a.Value ?? "").ToList();
        foreach (var action in actions.Where(a => a == "*" || a.EndsWith(":*", StringComparison.Ordinal)))
        {
            findings.Add($"{where}: Action {action} allows every action of a service");
        }

        var anyResource = statement.Get("Resource").AsList().OfType<YamlScalarNode>().Any(r => r.Tag.IsEmpty && r.Value == "*");
        if (anyResource && !actions.All(ActionsRequiringAnyResource.Contains))
        {
            findings.Add($"{where}: Resource \"*\" for {string.Join(", ", actions.Where(a => !ActionsRequiringAnyResource.Contains(a)))}, which AWS lets a policy scope");
        }
    }

    private static void CheckSamPolicy(SamTemplate template, string function, YamlNode policy, List<string> findings)
    {
        switch (policy)
        {
            case YamlScalarNode { Value: var name }:
                findings.Add($"{function}: the managed policy {name} is not scoped to this stack's resources");
                break;
            case YamlMappingNode { Children.Count: 1 } mapping when mapping.Children.First() is { Key: YamlScalarNode { Value: { } name }, Value: var parameters }:
                if (name == "Statement")
                {
                    break; // an inline statement list, checked with every other statement
                }

                if (!ScopedPolicyTemplates.Contains(name))
                {
                    findings.Add($"{function}: the policy template {name} is not one of the scoped templates");
                    break;
                }

                var values = (parameters as YamlMappingNode)?.Children.Values.ToList() ?? [];
                if (values.Count == 0 || values.Any(v => v.ReferencedId() is not { } id || template.Resources.Get(id) is null))
                {
                    findings.Add($"{function}: every parameter of {name} must reference a resource of this template");
                }

                break;
            default:
                break;
        }
    }
}
