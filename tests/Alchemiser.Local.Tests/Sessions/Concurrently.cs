namespace Alchemiser.Local.Tests.Sessions;

/// <summary>Many calls at once, to make races happen.</summary>
internal static class Concurrently
{
    /// <summary>
    /// Starts <paramref name="count"/> calls on pool threads, holds them at one gate and releases them together; their
    /// results by call index.
    /// </summary>
    public static async Task<T[]> Run<T>(int count, Func<int, Task<T>> call)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(0, count).Select(i => Task.Run(async () =>
        {
            await gate.Task;
            return await call(i);
        })).ToArray();
        gate.SetResult();
        return await Task.WhenAll(tasks);
    }
}
