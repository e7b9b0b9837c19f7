import { viReports, viReportsErrors } from '../vi-reports';
import { addMessages } from './add-messages';

addMessages({
  vi: { ...viReports, errors: { reports: viReportsErrors } },
  en: async () => {
    const { enReports, enReportsErrors } = await import('../en-reports');
    return { ...enReports, errors: { reports: enReportsErrors } };
  },
});
