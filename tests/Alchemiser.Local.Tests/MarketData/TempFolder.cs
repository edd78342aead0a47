using System.Text;

namespace Alchemiser.Local.Tests.MarketData;

/// <summary>A fresh folder under the system temp directory, deleted with everything in it on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Path = Directory.CreateTempSubdirectory("alchemiser-prices-").FullName;

    public string Path { get; }

    /// <summary>Writes <paramref name="text"/> as UTF-8 without byte-order mark and returns the file's path.</summary>
    public string Write(string fileName, string text) => WriteBytes(fileName, Encoding.UTF8.GetBytes(text));

    public string WriteBytes(string fileName, byte[] content)
    {
        var path = System.IO.Path.Combine(Path, fileName);
        File.WriteAllBytes(path, content);
        return path;
    }

    public string PathOf(string fileName) => System.IO.Path.Combine(Path, fileName);

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
