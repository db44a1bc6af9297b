using InterviewRoom.Server.Questions.Import;

namespace InterviewRoom.Tests.Questions;

/// <summary>Flattened lists and tables, multi-line questions, duplicates and answers that miss their question.</summary>
public sealed class SeedParserStructureTests
{
    [Fact]
    public void Parse_Question5FlattenedLists_KeepEveryBenefitAndExampleOnItsOwnLine()
    {
        var lines = SeedQuestions.Q(5).ReferenceAnswer.Split('\n');

        Assert.Equal(
        [
            "A load balancer is a system that distributes incoming traffic across multiple servers to improve performance and reliability.",
            "Benefits of Load Balancing:",
            "- Handles high traffic efficiently.",
            "- Prevents server overload.",
            "- Ensures high availability (if one server fails, another takes over).",
            "Example Load Balancers:",
            "- Hardware – F5, Citrix ADC.",
            "- Software – Nginx, HAProxy, AWS ELB.",
        ], lines);
    }

    [Fact]
    public void Parse_Question30Steps_KeepAllSevenItems()
    {
        var items = SeedQuestions.Q(30).ReferenceAnswer.Split('\n').Where(l => l.StartsWith("- ", StringComparison.Ordinal)).ToList();

        Assert.Equal(7, items.Count);
        Assert.Equal("- Determine the environment for testing", items[0]);
        Assert.Equal("- Conduct test analysis, create test report, and advise retest for underperforming applications", items[^1]);
    }

    [Fact]
    public void Parse_Question17FlattenedTable_KeepsEveryRowAndCellThenTheExamples()
    {
        var lines = SeedQuestions.Q(17).ReferenceAnswer.Split('\n');

        Assert.Equal(
        [
            "| Property | ACID (Relational DBs) | BASE (NoSQL DBs) |",
            "| Atomicity | Transactions are all-or-nothing. | Partial transactions allowed. |",
            "| Consistency | Always maintains a valid state. | Eventual consistency. |",
            "| Isolation | Transactions run independently. | Weak isolation. |",
            "| Durability | Committed data is permanent. | Data availability prioritized. |",
            "Example:",
            "- ACID: Banking system where transfers must be strictly consistent.",
            "- BASE: Social media apps where posts can be delayed but not lost.",
        ], lines);
    }

    [Fact]
    public void Parse_Question18FlattenedTable_HasSixRowsOfThreeCells()
    {
        var rows = SeedQuestions.Q(18).ReferenceAnswer.Split('\n').Where(l => l.StartsWith('|')).ToList();

        Assert.Equal(6, rows.Count);
        Assert.All(rows, r => Assert.Equal(4, r.Count(c => c == '|')));
        Assert.Contains("| Technologies Used | HTML, CSS, JavaScript, React, Angular, Vue.js | Node.js, Python, Java, PHP, Ruby, .NET |", rows);
        Assert.EndsWith("Both frontend and backend work together to deliver a seamless user experience.", SeedQuestions.Q(18).ReferenceAnswer);
    }

    [Theory]
    [InlineData(64, "a. Code Reviews:", "b. Testing:", "c. Refactoring:", "d. Documentation:")]
    [InlineData(118, "a. Encapsulation:", "b. Inheritance:", "c. Polymorphism:", "d. Abstraction:")]
    [InlineData(81, "1) Code changes", "2) Technical debt", "3) Estimates are uncertain")]
    public void Parse_LetteredAndNumberedLists_PutEachItemOnItsOwnLine(int number, params string[] itemStarts)
    {
        var lines = SeedQuestions.Q(number).ReferenceAnswer.Split('\n');

        Assert.Equal(itemStarts.Length, lines.Length);
        Assert.All(itemStarts.Zip(lines), p => Assert.StartsWith(p.First, p.Second));
    }

    [Fact]
    public void Parse_SingleDashInCode_IsNotTakenForAList()
    {
        // 196: "const duration = end - start;" and 40: "Monitoring is crucial - I'd use tools…".
        Assert.Contains("const duration = end - start;", SeedQuestions.Q(196).ReferenceAnswer);
        Assert.DoesNotContain('\n', SeedQuestions.Q(40).ReferenceAnswer);
    }

    [Fact]
    public void Parse_CodeQuestionsOnOneLine_KeepTheirCode()
    {
        Assert.EndsWith("tasks = [] def add_task(task): tasks.append(task) def process_next_task(): if tasks: task = tasks.pop(0) # process task", SeedQuestions.Q(6).Text);
        Assert.EndsWith("def add_numbers(a, b): return a + b result = add_numbers(\"5\", 3)", SeedQuestions.Q(75).Text);
    }

    [Fact]
    public void Parse_QuestionSpanningLines_KeepsItsLinesAndIndentation()
    {
        const string Text = "header\n1\nWhat does this print?\ndef f(x):\n    return x + 1\nReference answer\nIt adds one.\n2\nWhat is 2?\nReference answer\nA number.";

        var questions = SeedParser.Parse(Text);

        Assert.Equal([1, 2], questions.Select(q => q.Number));
        Assert.Equal("What does this print?\ndef f(x):\n    return x + 1", questions[0].Text);
        Assert.Equal("It adds one.", questions[0].ReferenceAnswer);
    }

    [Theory]
    [InlineData(104, 12)]
    [InlineData(161, 74)]
    public void Parse_RepeatedQuestion_IsKeptAndPointsAtTheFirst(int number, int firstNumber)
    {
        Assert.Equal(SeedQuestions.Q(firstNumber).Text, SeedQuestions.Q(number).Text);
        Assert.Equal(firstNumber, SeedQuestions.Q(number).DuplicateOfNumber);
        Assert.Null(SeedQuestions.Q(firstNumber).DuplicateOfNumber);
    }

    [Fact]
    public void Parse_RealSeed_FlagsOnlyTheTwoDuplicates()
    {
        Assert.Equal([104, 161], SeedQuestions.All.Where(q => q.DuplicateOfNumber is not null).Select(q => q.Number));
    }

    [Theory]
    [InlineData(10, "Guidance only")]
    [InlineData(12, "not version control")]
    [InlineData(29, "first step")]
    [InlineData(65, "problem")]
    [InlineData(82, "Truncated")]
    [InlineData(91, "Guidance only")]
    [InlineData(115, "hint")]
    [InlineData(124, "how to manage them")]
    [InlineData(130, "guidance")]
    [InlineData(133, "Guidance only")]
    [InlineData(135, "database administrator")]
    [InlineData(160, "teamwork")]
    [InlineData(165, "code example")]
    [InlineData(166, "exit codes")]
    [InlineData(167, "status codes")]
    [InlineData(179, "Partly wrong")]
    [InlineData(182, "Guidance only")]
    [InlineData(190, "Django")]
    [InlineData(198, "Guidance only")]
    public void Parse_AnswerThatDoesNotAnswerItsQuestion_IsFlaggedWithAReason(int number, string reasonPart)
    {
        Assert.Contains(reasonPart, SeedQuestions.Q(number).AnswerMismatch, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(17)]
    [InlineData(23)]
    [InlineData(55)]
    [InlineData(122)]
    public void Parse_AnswerThatAnswersItsQuestion_IsNotFlagged(int number)
    {
        Assert.Null(SeedQuestions.Q(number).AnswerMismatch);
    }

    [Fact]
    public void Parse_EveryAnswerLeftEmpty_IsFlagged()
    {
        Assert.All(SeedQuestions.All.Where(q => q.ReferenceAnswer.Length == 0), q => Assert.NotNull(q.AnswerMismatch));
    }
}
