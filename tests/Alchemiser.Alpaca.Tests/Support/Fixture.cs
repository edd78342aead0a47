namespace Alchemiser.Alpaca.Tests.Support;

/// <summary>The canned Alpaca response bodies in <c>Fixtures/</c>, named <c>&lt;operationId&gt;[.&lt;variant&gt;].json</c>.</summary>
public static class Fixture
{
    /// <summary>The text of <c>Fixtures/<paramref name="name"/>.json</c>.</summary>
    public static string Text(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name + ".json"));
}
