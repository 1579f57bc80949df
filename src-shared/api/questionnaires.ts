/** Questionnaires contract (filled in by the questionnaires work). */
export const questionnairesApi = {};
