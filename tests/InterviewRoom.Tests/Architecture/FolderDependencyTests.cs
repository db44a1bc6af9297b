namespace InterviewRoom.Tests.Architecture;

/// <summary>
/// Feature folders do not reach into each other (docs/adr/0001-project-layout.md): a folder uses another folder's
/// types only where they are that folder's public surface, listed here. Infrastructure is shared by all.
/// </summary>
public sealed class FolderDependencyTests
{
    /// <summary>
    /// What each folder offers the others. <c>Type</c>: the type itself (a service to inject, a value to pass);
    /// <c>Type.Member</c>: one static member; <c>Type.*</c>: every static member. A static helper reached as
    /// <c>Type.Member</c> is the borrowing this test is for, so each one is listed on its own.
    /// </summary>
    private static readonly Dictionary<string, string[]> Surface = new()
    {
        ["Classes"] = ["ClassNotifier"],
        ["Interview"] =
        [
            "InterviewService", "LiveRoom", "IRoomChangeHook", "RoomNotifier", "Presence", "Presence.ViewOf", "PresenceWriter",
            "RoomStore", "RoomSql.UpdateAsync", "RoomSql.InsertAsync", "TurnClock.*", "TurnViews.Full", "Visibility.SeesInterviewerView", "Visibility.AskedBy",
        ],
        ["Questions"] = ["QuestionCatalog", "BankFacets", "QuestionBankImporter", "ScoreScale.RedFlagCap"],
        ["Rooms"] = ["RoomFactory", "RoomOptions", "RoomVersions.BumpAsync"],
        ["Scoring"] = ["ScoreService"],
    };

    private static string ServerRoot => Path.Combine(TestFiles.RepositoryRoot, "src", "InterviewRoom.Server");

    [Fact]
    public void FeatureFolders_UseEachOther_OnlyThroughTheListedSurface()
    {
        var folders = FeatureFolders.Read(ServerRoot);

        var outside = folders.CrossFolderUses().Where(use => !IsOnSurface(use))
            .Select(use => $"src/InterviewRoom.Server/{use.RelativePath}:{use.Line}: {use.Folder} uses {use.TypeFolder}'s " +
                $"{use.Type}{(use.Member is null ? "" : "." + use.Member)}: {use.Text}")
            .ToList();

        Assert.True(outside.Count == 0,
            "Move a helper to Infrastructure, or, if it is the folder's real API, add it to Surface:\n" + string.Join('\n', outside));
    }

    [Fact]
    public void TheScan_FindsEveryFolderAndItsTypes()
    {
        var folders = FeatureFolders.Read(ServerRoot);

        Assert.All(FeatureFolders.Names, name => Assert.Contains(name, folders.Types.Values));
        Assert.Equal("Rooms", folders.Types["RoomsApi"]);
        Assert.Equal("Interview", folders.Types["TurnClock"]);
        Assert.Equal("Infrastructure", folders.Types["Input"]);
        Assert.Contains(folders.CrossFolderUses(), use => use is { Folder: "Classes", Type: "InterviewService" });
        Assert.All(Surface.SelectMany(entry => entry.Value.Select(type => (entry.Key, Type: type.Split('.')[0]))),
            listed => Assert.Equal(listed.Key, folders.Types.GetValueOrDefault(listed.Type)));
    }

    [Fact]
    public void BorrowedHelper_IsReported_WithItsLine_AndTheSurfaceIsNot()
    {
        var folders = new FeatureFolders();
        folders.Add("Interview", "Interview/TurnViews.cs", "namespace InterviewRoom.Server.Interview;\ninternal static class TurnViews;\n");
        folders.Add("Interview", "Interview/InterviewService.cs", "namespace InterviewRoom.Server.Interview;\ninternal sealed class InterviewService;\n");
        folders.Add("Interview", "Interview/Timing/TurnClock.cs", "namespace InterviewRoom.Server.Interview.Timing;\ninternal static class TurnClock;\n");
        folders.Add("Reports", "Reports/ReportBuilder.cs", """
            namespace InterviewRoom.Server.Reports;
            internal sealed class ReportBuilder(InterviewService interview)
            {
                // TurnViews.Public(turn): a comment is not a use
                var a = TurnViews.Public(turn);
                var b = TurnViews.Full(turn);
                var c = Interview.Timing.TurnClock.IsLate(turn);
                items.TurnClock(0);
                var d = InterviewService.RequestId(id);
            }
            """);

        var uses = folders.CrossFolderUses().ToList();

        Assert.Equal(
            [(2, "InterviewService", null), (5, "TurnViews", "Public"), (6, "TurnViews", "Full"), (7, "TurnClock", "IsLate"), (9, "InterviewService", "RequestId")],
            uses.Select(use => (use.Line, use.Type, use.Member)));
        Assert.Equal([5, 9], uses.Where(use => !IsOnSurface(use)).Select(use => use.Line));
    }

    private static bool IsOnSurface(FeatureFolders.Use use) =>
        Surface.TryGetValue(use.TypeFolder, out var surface)
        && (use.Member is null
            ? surface.Contains(use.Type)
            : surface.Contains($"{use.Type}.{use.Member}") || surface.Contains($"{use.Type}.*"));
}
