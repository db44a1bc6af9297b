using InterviewRoom.Contracts.Questions;
using InterviewRoom.Server.Questions.Rubrics;
using InterviewRoom.Server.Questions.Rubrics.Builder;

namespace InterviewRoom.Tests.Questions;

/// <summary>Criteria from the reference answer: tables, lists, prose, code and first person (real seed questions).</summary>
public sealed class RubricBuilderAnswerTests
{
    private static RubricContent RubricOf(int number) => RubricBuilder.Build(SeedQuestions.Q(number));

    [Fact]
    public void Build_Question17FlattenedTable_GivesOneReadableItemPerRowThenTheExamples()
    {
        var criteria = RubricOf(17).Criteria;

        Assert.Equal(
        [
            "Atomicity: in ACID, transactions are all-or-nothing; in BASE, partial transactions allowed",
            "Consistency: in ACID, always maintains a valid state; in BASE, eventual consistency",
            "Isolation: in ACID, transactions run independently; in BASE, weak isolation",
            "Durability: in ACID, committed data is permanent; in BASE, data availability prioritized",
            "Gives an example, e.g. ACID: Banking system where transfers must be strictly consistent; BASE: Social media apps where posts can be delayed but not lost",
        ], criteria.Select(c => c.Text));
        Assert.All(criteria, c => Assert.Equal(RubricSources.ReferenceAnswer, c.Source));
        Assert.Equal([true, true, false, false, false], criteria.Select(c => c.Core));
    }

    [Fact]
    public void Build_Question18FlattenedTable_NamesBothColumnsInEachRow()
    {
        var criteria = RubricOf(18).Criteria;

        Assert.Equal(6, criteria.Count);
        Assert.Equal("Technologies used: in frontend, HTML, CSS, JavaScript, React, Angular, Vue.js; in backend, Node.js, Python, Java, PHP, Ruby, .NET", criteria[2].Text);
        Assert.StartsWith("Definition: in frontend, the part of a web application that users interact with (UI/UX); in backend,", criteria[0].Text);
    }

    [Fact]
    public void Build_Question5ListWithALeadDefinition_GivesTheDefinitionAndOneItemPerBenefit()
    {
        Assert.Equal(
        [
            new Criterion("c1", "Says a load balancer is a system that distributes incoming traffic across multiple servers to improve performance and reliability", RubricSources.ReferenceAnswer, true),
            new Criterion("c2", "Benefit of load balancing: handles high traffic efficiently", RubricSources.ReferenceAnswer, true),
            new Criterion("c3", "Benefit of load balancing: prevents server overload", RubricSources.ReferenceAnswer),
            new Criterion("c4", "Benefit of load balancing: ensures high availability (if one server fails, another takes over)", RubricSources.ReferenceAnswer),
            new Criterion("c5", "Names example load balancers, e.g. Hardware: F5, Citrix ADC; Software: Nginx, HAProxy, AWS ELB", RubricSources.ReferenceAnswer),
        ], RubricOf(5).Criteria);
    }

    [Fact]
    public void Build_Question9LabelledList_GivesOneItemPerMethod()
    {
        Assert.Equal(
            ["OAuth: often used for third-party access", "JWT (JSON Web Tokens): used for securely transmitting information between client and server", "API keys: simple tokens provided to clients"],
            RubricOf(9).Criteria.Select(c => c.Text));
    }

    [Fact]
    public void Build_Question6CodeInTheQuestion_TakesTheAnswersPointsAndNoCode()
    {
        var criteria = RubricOf(6).Criteria;

        Assert.Equal("Says the list data structure in Python is not efficient for pop operations from the start of the list", criteria[0].Text);
        Assert.Contains(criteria, c => c.Text == "Says using a data structure like deque from the collections module would be more efficient");
        Assert.Contains(criteria, c => c.Text == "Says proper synchronization or thread-safe collections should be used");
        Assert.DoesNotContain(criteria, c => c.Text.Contains("tasks.pop", StringComparison.Ordinal) || c.Text.Contains("def ", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_Question3CodeInTheAnswer_KeepsTheProseAndLeavesTheCodeOut()
    {
        var criteria = RubricOf(3).Criteria;

        Assert.Equal(
        [
            "Says streams are one of the fundamental concepts of NodeJS",
            "Says streams are a type of data-handling methods and are used to read or write input into output sequentially",
            "Says streams are used to handle reading/writing files or exchanging information in an efficient way",
        ], criteria.Select(c => c.Text));
    }

    [Fact]
    public void Build_Question59LoopAndRecursionCode_KeepsTheDiscussionAndAddsGenericItemsToReachThree()
    {
        var criteria = RubricOf(59).Criteria;

        Assert.Equal("Says using recursion with immutability avoids mutable state, which can simplify reasoning and concurrency, but may risk stack overflow in languages without tail-call optimization", criteria[0].Text);
        Assert.Equal(3, criteria.Count);
        Assert.All(criteria.Skip(1), c => Assert.Equal((RubricSources.Standard, false), (c.Source, c.Core)));
        Assert.DoesNotContain(criteria, c => c.Text.Contains("printN", StringComparison.Ordinal) || c.Text.Contains('{', StringComparison.Ordinal));
    }

    [Fact]
    public void Build_Question74FirstPersonTechnicalAnswer_RephrasesIntoThirdPersonItems()
    {
        Assert.Equal(
        [
            "Names callbacks, promises and async/await syntax",
            "Says for complex workflows, they structure code to avoid callback hell and ensure proper error handling",
            "Says event-driven architecture also helps manage multiple I/O operations efficiently without blocking the main thread",
        ], RubricOf(74).Criteria.Select(c => c.Text));
    }

    [Fact]
    public void Build_Question13DisadvantagesInclude_SplitsTheListWhileTheRubricHasRoom()
    {
        Assert.Equal(
        [
            "Mentions increased client-side complexity", "Mentions larger initial payloads",
            "Mentions SEO challenges (though solvable with server-side rendering)", "Mentions reliance on JavaScript",
            "Says backend may face issues with state management (e.g. token handling), security (e.g. XSS), and more complex API versioning",
            "Says SPAs also require robust error handling for client-server interactions",
        ], RubricOf(13).Criteria.Select(c => c.Text));
    }

    [Fact]
    public void Build_Question22SentenceStartingWithIt_NamesTheSubjectOfTheSentenceBefore()
    {
        Assert.Equal("Says a wait-free algorithm is a stronger condition than lock-freedom (which ensures system-wide progress)", RubricOf(22).Criteria[1].Text);
    }

    [Fact]
    public void Build_Question99StrategyThatList_GivesEachVerbItsSubject()
    {
        var texts = RubricOf(99).Criteria.Select(c => c.Text).ToList();

        Assert.Contains("Says optimistic locking allows for concurrent data access", texts);
        Assert.Contains("Says optimistic locking is best used in high-read, low-write scenarios", texts);
        Assert.Contains("Says pessimistic locking assumes conflicts to be very common", texts);
    }
}
