using System.ComponentModel;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Alchemiser.Aws.IntegrationTests.Support;

/// <summary>
/// A <c>moto_server</c> (Python moto's AWS stand-in) on 127.0.0.1 and a free port, started for the tests and stopped
/// by its PID. A missing moto is a failure with the command that installs it, never a skip (under <c>CI=true</c> a
/// skipped integration suite would hide a broken CI image).
/// </summary>
public sealed class MotoServer : IDisposable
{
    /// <summary>How long moto may take to answer after it is started.</summary>
    public static TimeSpan StartTimeout { get; } = TimeSpan.FromSeconds(30);

    private readonly Process _process;

    /// <summary>A moto that accepts any request, signed or not (moto's default).</summary>
    public MotoServer()
        : this(initialNoAuthActionCount: null)
    {
    }

    private MotoServer(int? initialNoAuthActionCount)
    {
        Port = FreeLoopbackPort();
        Endpoint = new Uri($"http://127.0.0.1:{Port}");
        var start = new ProcessStartInfo("moto_server", ["-H", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (initialNoAuthActionCount is { } count)
        {
            start.Environment["INITIAL_NO_AUTH_ACTION_COUNT"] = count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        try
        {
            _process = Process.Start(start) ?? throw new InvalidOperationException("moto_server did not start");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException("moto_server is not on the PATH: install it with pip install 'moto[server]' (CI=true never skips these tests)", e);
        }

        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        WaitUntilAnswering();
    }

    /// <summary>
    /// A moto of its own that checks signatures and IAM permissions after <paramref name="initialNoAuthActionCount"/>
    /// unauthenticated actions (moto's <c>INITIAL_NO_AUTH_ACTION_COUNT</c>; moto checks nothing by default): the first
    /// actions create an IAM user and its access key, every later request must be signed with that key.
    /// </summary>
    public static MotoServer WithSignatureChecks(int initialNoAuthActionCount) => new(initialNoAuthActionCount);

    /// <summary>The loopback port moto listens on.</summary>
    public int Port { get; }

    /// <summary>Where every AWS service of this moto answers, e.g. <c>http://127.0.0.1:51234</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>The moto process's id (the fixture stops it by this id).</summary>
    public int ProcessId => _process.Id;

    /// <summary>Forgets everything moto holds (queues, tables, buckets), through moto's reset API.</summary>
    public void Reset()
    {
        using var client = new HttpClient();
        using var response = client.PostAsync(new Uri(Endpoint, "/moto-api/reset"), content: null).GetAwaiter().GetResult();
        response.EnsureSuccessStatusCode();
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        finally
        {
            _process.Dispose();
        }
    }

    private void WaitUntilAnswering()
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"moto_server exited with code {_process.ExitCode} before answering on port {Port}");
            }

            try
            {
                using var response = client.GetAsync(new Uri(Endpoint, "/moto-api/")).GetAwaiter().GetResult();
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // not answering yet
            }

            Thread.Sleep(100);
        }

        Dispose();
        throw new InvalidOperationException($"moto_server did not answer on {Endpoint} within {StartTimeout.TotalSeconds:0} s");
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
