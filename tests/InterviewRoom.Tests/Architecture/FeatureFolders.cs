using System.Text.RegularExpressions;

namespace InterviewRoom.Tests.Architecture;

/// <summary>
/// The server's folders, the types each declares (read from the source), and the uses of one folder's types in
/// another. A use is the type's name on its own or qualified by the server's namespaces (<c>RoomFactory</c>,
/// <c>new LiveRoom(</c>, <c>Interview.Timing.TurnClock.IsLate</c>); a member access such as <c>list.Insert(</c>
/// and comments are not uses.
/// </summary>
internal sealed partial class FeatureFolders
{
    public static readonly string[] Names =
        ["Classes", "Infrastructure", "Interview", "Matchmaking", "PersonalData", "Questions", "Reports", "Rooms", "ScaleOut", "Scoring", "Web"];

    /// <summary>Declared type name to the folder that declares it (top-level types only; nested ones are private).</summary>
    public Dictionary<string, string> Types { get; } = new(StringComparer.Ordinal);

    /// <summary>Every segment of the server's namespaces (InterviewRoom, Server, Interview, Timing, …).</summary>
    public HashSet<string> NamespaceSegments { get; } = new(StringComparer.Ordinal) { "global", "InterviewRoom", "Server" };

    public List<SourceFile> Files { get; } = [];

    public sealed record SourceFile(string Folder, string RelativePath, string[] Lines);

    public sealed record Use(string Folder, string RelativePath, int Line, string Type, string TypeFolder, string? Member, string Text);

    public static FeatureFolders Read(string serverRoot)
    {
        var folders = new FeatureFolders();
        foreach (var folder in Names)
        {
            foreach (var path in Directory.EnumerateFiles(Path.Combine(serverRoot, folder), "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                folders.Add(folder, Path.GetRelativePath(serverRoot, path).Replace('\\', '/'), File.ReadAllText(path));
            }
        }

        return folders;
    }

    public void Add(string folder, string relativePath, string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        Files.Add(new SourceFile(folder, relativePath, lines));
        foreach (var line in lines)
        {
            if (NamespaceLine().Match(line) is { Success: true } ns)
            {
                NamespaceSegments.UnionWith(ns.Groups["name"].Value.Split('.'));
            }

            if (TypeDeclaration().Match(line) is { Success: true } declaration && !declaration.Groups["file"].Success)
            {
                Types.TryAdd(declaration.Groups["name"].Value, folder);
            }
        }
    }

    /// <summary>Uses, in a file of one folder, of a type that another folder declares (Infrastructure's are everyone's).</summary>
    public IEnumerable<Use> CrossFolderUses()
    {
        var names = new Regex($@"\b(?<type>{string.Join('|', Types.Keys.Select(Regex.Escape))})\b(?:\s*\.\s*(?<member>\w+))?");
        foreach (var file in Files)
        {
            for (var i = 0; i < file.Lines.Length; i++)
            {
                var code = CommentOrBlank().Replace(file.Lines[i], "");
                foreach (Match match in names.Matches(code))
                {
                    var type = match.Groups["type"].Value;
                    var owner = Types[type];
                    if (owner == file.Folder || owner == "Infrastructure" || !IsTypeReference(code, match.Index))
                    {
                        continue;
                    }

                    var member = match.Groups["member"].Success ? match.Groups["member"].Value : null;
                    yield return new Use(file.Folder, file.RelativePath, i + 1, type, owner, member, file.Lines[i].Trim());
                }
            }
        }
    }

    /// <summary>Not a member access (<c>x.Name</c>) unless what comes before the dot is the server's namespaces.</summary>
    private bool IsTypeReference(string code, int index)
    {
        var before = code[..index].TrimEnd();
        if (!before.EndsWith('.'))
        {
            return true;
        }

        var qualifier = Qualifier().Match(before[..^1]);
        return qualifier.Success && qualifier.Value.Replace("::", ".").Split('.').All(NamespaceSegments.Contains);
    }

    [GeneratedRegex(@"^namespace\s+(?<name>[\w.]+)")]
    private static partial Regex NamespaceLine();

    // Top-level declarations start the line (file-scoped namespaces); nested types are indented.
    [GeneratedRegex(@"^(?:(?:public|internal|static|sealed|abstract|partial|readonly|ref|(?<file>file))\s+)*(?:class|record\s+struct|record\s+class|record|struct|interface|enum)\s+(?<name>[A-Z]\w*)")]
    private static partial Regex TypeDeclaration();

    // A line that is a comment, or a comment after code (" // …", not the "//" of a URL in a string).
    [GeneratedRegex(@"(?:^\s*|\s)//.*$")]
    private static partial Regex CommentOrBlank();

    [GeneratedRegex(@"(?:\w+(?:\.|::))*\w+$")]
    private static partial Regex Qualifier();
}
