using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Alchemiser.Lambda.FunctionHost;

// Usage: Alchemiser.Lambda.FunctionHost <artifact folder> <Assembly::Namespace.Type::Method> <event file> <response file>
// Loads the published function the way Lambda's runtime does (its own dependencies from its folder), creates the handler
// class with its public parameterless constructor, invokes the handler once with the event file's bytes, writes the
// response to the response file (standard output is the function's log, as in Lambda) and one timing line to standard
// error:
//   cold-start init_ms=<constructor done> handled_ms=<response ready>   (milliseconds since this process started)
if (args.Length != 4)
{
    Console.Error.WriteLine("usage: Alchemiser.Lambda.FunctionHost <artifact folder> <Assembly::Type::Method> <event file> <response file>");
    return 2;
}

var started = Process.GetCurrentProcess().StartTime.ToUniversalTime();
try
{
    var handler = PackagedHandler.Load(args[0], args[1]);
    var initialized = DateTime.UtcNow - started;
    await using var input = File.OpenRead(args[2]);
    await using var output = await handler.InvokeAsync(input);
    var handled = DateTime.UtcNow - started;
    await using (var response = File.Create(args[3]))
    {
        await output.CopyToAsync(response);
    }

    Console.Error.WriteLine(string.Create(
        CultureInfo.InvariantCulture, $"cold-start init_ms={initialized.TotalMilliseconds:F0} handled_ms={handled.TotalMilliseconds:F0}"));
    return 0;
}
catch (TargetInvocationException e) when (e.InnerException is not null)
{
    Console.Error.WriteLine("the handler failed: " + e.InnerException);
    return 1;
}
#pragma warning disable CA1031 // A host reports whatever the function threw and exits non-zero, as Lambda's runtime does.
catch (Exception e)
#pragma warning restore CA1031
{
    Console.Error.WriteLine("the handler failed: " + e);
    return 1;
}
