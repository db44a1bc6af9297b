namespace InterviewRoom.IntegrationTests.Support;

/// <summary>
/// Tests that drive many clients at once (100 in the queue, a class of 30). They run on their own, after the
/// rest, so that on a two-core machine they neither starve the browser tests nor get starved themselves.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HeavyLoad
{
    public const string Name = "Many clients at once";
}
