namespace InterviewRoom.Tests;

/// <summary>Files of the repository the tests read, found from the test binaries' folder.</summary>
internal static class TestFiles
{
    private static readonly Lazy<string> Root = new(FindRepositoryRoot);

    public static string RepositoryRoot => Root.Value;

    public static string SeedPath => Path.Combine(RepositoryRoot, "seed", "backend-mock-interview-questions.txt");

    public static string ReadSeed() => File.ReadAllText(SeedPath);

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "InterviewRoom.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No InterviewRoom.sln above {AppContext.BaseDirectory}.");
    }
}
