using System.Runtime.ExceptionServices;

namespace Alchemiser.Dsl;

/// <summary>
/// Runs a recursive walk on a dedicated thread with a 256 MiB stack (DSL.md §11.1), so that any accepted nesting
/// depth evaluates without overflowing. Exceptions surface on the caller's thread with their original stack.
/// </summary>
internal static class LargeStack
{
    private const int StackBytes = 256 * 1024 * 1024;

    public static T Run<T>(Func<T> work)
    {
        T result = default!;
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    result = work();
                }
                catch (Exception e)
                {
                    failure = ExceptionDispatchInfo.Capture(e);
                }
            },
            StackBytes)
        {
            Name = "Alchemiser.Dsl deep walk",
            IsBackground = true,
        };
        thread.Start();
        thread.Join();
        failure?.Throw();
        return result;
    }
}
