namespace Alchemiser.Local.Synthetic;

/// <summary>
/// A generated symphony: its text (LF line ends, final newline, no BOM) and the facts a test or benchmark needs
/// without parsing it: every ticker it mentions (assets and indicator tickers; synthesize prices for exactly these),
/// the number of <c>group</c> forms, the maximum bracket depth and the size in UTF-8 bytes.
/// </summary>
/// <param name="Name">The <c>defsymphony</c> name.</param>
/// <param name="Text">The file content.</param>
/// <param name="Tickers">Distinct tickers used anywhere in the file, ordinal order.</param>
/// <param name="GroupCount">Number of <c>(group …)</c> forms.</param>
/// <param name="MaxDepth">Maximum number of simultaneously open brackets (<c>(</c>, <c>[</c>, <c>{</c>).</param>
/// <param name="Utf8Bytes">Size of <paramref name="Text"/> in UTF-8 bytes.</param>
public sealed record StressSymphony(string Name, string Text, IReadOnlyList<string> Tickers, int GroupCount, int MaxDepth, int Utf8Bytes);
