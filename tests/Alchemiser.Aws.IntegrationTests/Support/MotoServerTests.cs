using System.Diagnostics;

namespace Alchemiser.Aws.IntegrationTests.Support;

/// <summary>The fixture itself: moto on loopback, a port of its own, stopped by PID.</summary>
[Trait("Category", "Integration")]
public sealed class MotoServerTests
{
    [Fact]
    public async Task Moto_answers_on_a_free_loopback_port_and_its_process_is_gone_after_the_fixture_stops()
    {
        int pid;
        using (var moto = new MotoServer())
        {
            pid = moto.ProcessId;
            Assert.Equal("127.0.0.1", moto.Endpoint.Host);
            using var client = new HttpClient();
            var answer = await client.GetStringAsync(new Uri(moto.Endpoint, "/moto-api/data.json"));
            Assert.StartsWith("{", answer, StringComparison.Ordinal);
        }

        Assert.True(HasExited(pid), $"moto (pid {pid}) is still running after the fixture stopped it");
    }

    private static bool HasExited(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }
}
