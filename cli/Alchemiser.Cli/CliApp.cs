using System.CommandLine;
using Alchemiser.Cli.Commands;
using Alchemiser.Core.Errors;
using Alchemiser.Dsl.Syntax;

namespace Alchemiser.Cli;

/// <summary>Composes the commands and turns failures into one clear line and an exit code — never a stack trace.</summary>
public static class CliApp
{
    /// <summary>Exit code for user errors (bad input, bad files, failed evaluations).</summary>
    public const int Failure = 1;

    /// <summary>Exit code for a bug: something failed that no user input should make fail.</summary>
    public const int InternalError = 70;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, stdout, stderr, null);

    /// <summary>Runs with <paramref name="environment"/> read instead of the process environment (tests).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, Func<string, string?>? environment)
    {
        var context = new CliContext(stdout, stderr, environment);
        var root = new RootCommand("Alchemiser: evaluate Composer-style strategies and trade them on Alpaca.")
        {
            SignalCommand.Create(context),
            ValidateCommand.Create(context),
            ExplainCommand.Create(context),
            RunCommand.Create(context),
            StatusCommand.Create(context),
            DataCommand.Create(context),
            DoctorCommand.Create(context),
            BenchCommand.Create(context),
        };
        var configuration = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        return Guard(context, () => root.Parse(args).Invoke(configuration));
    }

    /// <summary>Runs a command body; known failures print one line (plus a hint) and return <see cref="Failure"/>.</summary>
    public static int Guard(CliContext context, Func<int> body)
    {
        try
        {
            try
            {
                return body();
            }
            catch (AggregateException e) when (e.InnerExceptions.Count == 1)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
                throw;
            }
        }
        catch (DslException e)
        {
            context.Error(e.Display, e.RemediationHint);
        }
        catch (AlchemiserException e)
        {
            context.Error(e.Message, e.RemediationHint);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Error(e.Message);
        }
        catch (Amazon.Runtime.AmazonClientException e)
        {
            context.Error("AWS: " + Cloud.CliAws.Describe(e), "check the AWS credentials, AWS_REGION and AWS_ENDPOINT_URL: alchemiser doctor --aws");
        }
        catch (Exception e)
        {
            context.Error("internal error: " + e.GetType().Name + ": " + e.Message, "this is a bug; please report it with the command you ran");
            return InternalError;
        }

        return Failure;
    }
}
