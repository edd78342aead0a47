using System.Diagnostics;

namespace Alchemiser.Deploy.Tests;

/// <summary>
/// .ci/deploy with DRY_RUN=1: the exact sam/aws commands each deploy target would run, for a fixed branch, commit
/// and time. Nothing reaches AWS (sam and aws are not even needed).
/// </summary>
public sealed class DeployScriptTests : IDisposable
{
    private const string Now = "2025-03-04T12:00:00Z";
    private readonly string _scratch = Directory.CreateTempSubdirectory("alchemiser-deploy-").FullName;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    [Fact]
    public void Deploy_dev_builds_and_deploys_the_dev_config_environment()
    {
        var result = Run(["deploy", "dev"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            ["sam build --config-env dev", "sam deploy --config-env dev --no-confirm-changeset --no-fail-on-empty-changeset"],
            result.Lines);
    }

    [Fact]
    public void Deploy_prod_stays_on_paper_and_passes_the_notification_email_with_the_stage()
    {
        var result = Run(["deploy", "prod"], new() { ["NOTIFICATION_EMAIL"] = "ops@example.com" });

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            ["sam build --config-env prod", "sam deploy --config-env prod --no-confirm-changeset --no-fail-on-empty-changeset --parameter-overrides 'Stage=prod TradingMode=paper NotificationEmail=ops@example.com'"],
            result.Lines);
    }

    [Theory]
    [InlineData("dev", "yes")]
    [InlineData("prod", "")]
    public void Live_trading_needs_the_prod_stage_and_the_confirmation(string stage, string confirm)
    {
        var result = Run(["deploy", stage], new() { ["TRADING_MODE"] = "live", ["CONFIRM_LIVE"] = confirm });

        Assert.NotEqual(0, result.ExitCode);
        Assert.DoesNotContain(result.Lines, line => line.StartsWith("sam ", StringComparison.Ordinal));
    }

    [Fact]
    public void Live_trading_in_prod_with_the_confirmation_overrides_the_trading_mode()
    {
        var result = Run(["deploy", "prod"], new() { ["TRADING_MODE"] = "live", ["CONFIRM_LIVE"] = "yes" });

        Assert.Equal(0, result.ExitCode);
        Assert.EndsWith("--parameter-overrides 'Stage=prod TradingMode=live LiveTradingConfirmation=confirmed'", result.Lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void An_ephemeral_stack_is_named_after_the_sanitised_branch_and_short_sha_and_tagged_to_expire_after_the_ttl()
    {
        var result = Run(["deploy-ephemeral"], new() { ["BRANCH"] = "Feature/AWS Deploy_#5", ["SHA"] = "0123456789ABCDEF0123", ["TTL_HOURS"] = "36" });

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            [
                "sam build --config-env dev",
                "sam deploy --config-env dev --stack-name alchemiser-ephem-feature-aws-deploy-5-0123456 --no-confirm-changeset --no-fail-on-empty-changeset --parameter-overrides 'Stage=ephemeral TradingMode=paper' --tags 'project=alchemiser stage=ephemeral ttl-expires-at=2025-03-06T00:00:00Z'",
                "stack: alchemiser-ephem-feature-aws-deploy-5-0123456 (expires 2025-03-06T00:00:00Z)",
            ],
            result.Lines);
    }

    [Fact]
    public void An_ephemeral_stack_expires_after_24_hours_by_default_and_a_long_branch_is_cut_to_fit_the_stacks_names()
    {
        var result = Run(["deploy-ephemeral"], new() { ["BRANCH"] = "a-very-long-branch-name-that-goes-on-and-on", ["SHA"] = "abcdef0123" });

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("stack: alchemiser-ephem-a-very-long-branch-name-abcdef0 (expires 2025-03-05T12:00:00Z)", result.Lines[^1]);
    }

    [Theory]
    [InlineData("alchemiser-prod")]
    [InlineData("alchemiser-dev")]
    [InlineData("other-ephem-x-1234567")]
    [InlineData("")]
    public void Destroy_refuses_a_stack_that_is_not_ephemeral(string stack)
    {
        var result = Run(["destroy-ephemeral", stack]);

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Lines);
    }

    [Fact]
    public void Destroy_empties_the_stacks_buckets_then_deletes_it_and_waits()
    {
        var result = Run(["destroy-ephemeral", "alchemiser-ephem-main-1234567"], new() { ["STACK_BUCKETS"] = "datalake-b reports-b" });

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            [
                "aws s3 rm s3://datalake-b --recursive --region us-east-1",
                "aws s3 rm s3://reports-b --recursive --region us-east-1",
                "aws cloudformation delete-stack --region us-east-1 --stack-name alchemiser-ephem-main-1234567",
                "aws cloudformation wait stack-delete-complete --region us-east-1 --stack-name alchemiser-ephem-main-1234567",
            ],
            result.Lines);
    }

    [Fact]
    public void Reap_deletes_only_the_ephemeral_stacks_whose_ttl_is_past()
    {
        var result = Run(["reap-ephemeral"], new() { ["STACKS_JSON"] = WriteStacks(), ["STACK_BUCKETS"] = "" });

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            [
                "reaping alchemiser-ephem-old-1111111: expired 2025-03-04T11:59:59Z",
                "aws cloudformation delete-stack --region us-east-1 --stack-name alchemiser-ephem-old-1111111",
                "aws cloudformation wait stack-delete-complete --region us-east-1 --stack-name alchemiser-ephem-old-1111111",
                "keeping alchemiser-ephem-new-2222222: expires 2025-03-04T12:00:01Z",
                "keeping alchemiser-ephem-untagged-3333333: no readable ttl-expires-at tag",
                "reaped 1, kept 2",
            ],
            result.Lines);
    }

    [Fact]
    public void List_shows_the_ephemeral_stacks_with_their_expiry_and_nothing_else()
    {
        var result = Run(["list-ephemeral"], new() { ["STACKS_JSON"] = WriteStacks() });

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            ["alchemiser-ephem-old-1111111 2025-03-04T11:59:59Z", "alchemiser-ephem-new-2222222 2025-03-04T12:00:01Z", "alchemiser-ephem-untagged-3333333 -"],
            result.Lines);
    }

    private string WriteStacks()
    {
        var path = Path.Combine(_scratch, "stacks.json");
        File.WriteAllText(path, """
            {"Stacks": [
              {"StackName": "alchemiser-ephem-old-1111111", "StackStatus": "CREATE_COMPLETE", "Tags": [{"Key": "ttl-expires-at", "Value": "2025-03-04T11:59:59Z"}]},
              {"StackName": "alchemiser-prod", "StackStatus": "UPDATE_COMPLETE", "Tags": [{"Key": "ttl-expires-at", "Value": "2000-01-01T00:00:00Z"}]},
              {"StackName": "alchemiser-ephem-new-2222222", "StackStatus": "UPDATE_COMPLETE", "Tags": [{"Key": "ttl-expires-at", "Value": "2025-03-04T12:00:01Z"}]},
              {"StackName": "alchemiser-ephem-untagged-3333333", "StackStatus": "CREATE_COMPLETE"}
            ]}
            """);
        return path;
    }

    private static (int ExitCode, IReadOnlyList<string> Lines) Run(string[] arguments, Dictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = RepositoryLayout.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(RepositoryLayout.PathOf(".ci", "deploy"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in new[] { "NOTIFICATION_EMAIL", "TRADING_MODE", "CONFIRM_LIVE", "STACKS_JSON", "STACK_BUCKETS", "TTL_HOURS", "AWS_REGION", "GITHUB_OUTPUT" })
        {
            start.Environment.Remove(name);
        }

        start.Environment["DRY_RUN"] = "1";
        start.Environment["NOW"] = Now;
        start.Environment["BRANCH"] = "main";
        start.Environment["SHA"] = "1234567890abcdef";
        foreach (var (name, value) in environment ?? [])
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(30_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(".ci/deploy did not finish in 30 s");
        }

        _ = stderr.Result;
        return (process.ExitCode, stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
