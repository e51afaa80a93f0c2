import MentorStore

/// Every store of the mentoring loop on one database, handed around as one value.
struct MentoringStores: Sendable {
    let meetings: MeetingStore
    let relationships: RelationshipStore
    let goals: GoalStore
    let offers: OfferStore
    let actions: ActionItemStore
    let topics: TopicStore
    let answers: AnswerStore
    let captures: CaptureStore
    let occurrenceGoals: OccurrenceGoalStore
    let ledger: ReminderLedgerStore
    let cardContexts: CardContextStore
    let history: HistoryStore
    let quiet: QuietStore

    init(database: MentorDatabase) {
        meetings = MeetingStore(database: database)
        relationships = RelationshipStore(database: database)
        goals = GoalStore(database: database)
        offers = OfferStore(database: database)
        actions = ActionItemStore(database: database)
        topics = TopicStore(database: database)
        answers = AnswerStore(database: database)
        captures = CaptureStore(database: database)
        occurrenceGoals = OccurrenceGoalStore(database: database)
        ledger = ReminderLedgerStore(database: database)
        cardContexts = CardContextStore(database: database)
        history = HistoryStore(database: database)
        quiet = QuietStore(database: database)
    }
}
