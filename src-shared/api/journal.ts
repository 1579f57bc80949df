/** Feedback journal and goal library contract (filled in by the journal work). */
export const journalApi = {};
