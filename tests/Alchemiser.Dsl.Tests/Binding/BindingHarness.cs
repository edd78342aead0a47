using Alchemiser.Dsl.Binding;
using Alchemiser.Dsl.Syntax;

namespace Alchemiser.Dsl.Tests.Binding;

/// <summary>
/// Source text in, bound symphony or validation error out. Sources may carry one <c>‸</c> marker right before the
/// node an error must be reported at (for a call: before its head), so expected positions are written in place.
/// </summary>
internal static class BindingHarness
{
    public const char Marker = '‸';

    /// <summary>The text before every body of <see cref="BindBody"/>: the body starts at column 21.</summary>
    public const string BodyPrefix = "(defsymphony \"t\" {} ";

    public static Symphony Bind(string source, string fileName = "t.clj") =>
        Binder.Bind(Parser.Parse(source, fileName), fileName);

    /// <summary>Binds <c>(defsymphony "t" {} body)</c>.</summary>
    public static Symphony BindBody(string body) => Bind(BodyPrefix + body + ")");

    /// <summary>The bound body of <c>(defsymphony "t" {} body)</c>, cast to the expected node type.</summary>
    public static T Body<T>(string body)
        where T : BoundWeight => Assert.IsType<T>(BindBody(body).Body);

    /// <summary>Asserts that binding fails with exactly this code and message at line:column.</summary>
    public static DslException AssertFails(string source, int line, int column, string code, string message, string fileName = "t.clj")
    {
        var node = Parser.Parse(source, fileName);
        var error = Assert.Throws<DslException>(() => Binder.Bind(node, fileName));
        Assert.Equal(
            (code, line, column, message, fileName),
            (error.Code, error.Line, error.Column, error.Message, error.File));
        return error;
    }

    /// <summary>Asserts a failure at the <see cref="Marker"/> in <paramref name="markedSource"/>.</summary>
    public static DslException AssertFailsAtMarker(string markedSource, string code, string message)
    {
        var (source, line, column) = Unmark(markedSource);
        return AssertFails(source, line, column, code, message);
    }

    /// <summary>Asserts a failure at the <see cref="Marker"/> in the body of <c>(defsymphony "t" {} body)</c>.</summary>
    public static DslException AssertBodyFails(string markedBody, string code, string message) =>
        AssertFailsAtMarker(BodyPrefix + markedBody + ")", code, message);

    /// <summary>Removes the single marker and returns its 1-based line and column.</summary>
    public static (string Source, int Line, int Column) Unmark(string marked)
    {
        var at = marked.IndexOf(Marker, StringComparison.Ordinal);
        Assert.True(at >= 0, "the source has no ‸ marker");
        Assert.Equal(-1, marked.IndexOf(Marker, at + 1));
        var before = marked[..at];
        var line = 1 + before.Count(c => c == '\n');
        var column = at - (before.LastIndexOf('\n') + 1) + 1;
        return (marked.Remove(at, 1), line, column);
    }
}
