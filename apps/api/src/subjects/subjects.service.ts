import { Inject, Injectable } from '@nestjs/common';
import type { SubjectReport, SubjectReportQuery, SubjectSearchQuery } from '@vigie/contracts';
import { Clock } from '../common/clock';
import { DomainException } from '../common/domain.exception';
import type { RequestClient } from '../common/request-client.decorator';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { StaffActivityRepository } from '../journal/staff-activity.repository';
import { SubjectRightsService } from './subject-rights.service';
import { reportCsv, reportPdf } from './subject-report-document';
import { SubjectsRepository } from './subjects.repository';

export interface ReportFile {
  contentType: string;
  filename: string;
  body: string | Buffer | SubjectReport;
}

/** A person's access report (GDPR Art. 15): finding the person, gathering, writing it out. */
@Injectable()
export class SubjectsService {
  constructor(
    private readonly subjects: SubjectsRepository,
    private readonly journal: StaffActivityRepository,
    private readonly clock: Clock,
    private readonly rights: SubjectRightsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  search(query: SubjectSearchQuery) {
    return this.subjects.search(query.q, query.perPage, (query.page - 1) * query.perPage);
  }

  async report(externalId: string): Promise<SubjectReport> {
    const subject = await this.subjects.subject(externalId);
    if (!subject) throw new DomainException('subject_not_found');
    const cases = await this.subjects.cases(subject.id);
    const roles = new Map(cases.map((c) => [c.caseId, c.roles]));
    const accesses = await this.subjects.accesses(subject.id, [...roles.keys()], roles);
    return {
      subject: { externalId: subject.externalId, displayName: subject.displayName, kind: subject.kind },
      cases,
      accesses,
      generatedAt: this.clock.now().toISOString(),
      restriction: await this.rights.restriction(subject.id),
    };
  }

  /**
   * The report in the format asked for, journaled before it leaves: who generated which
   * person's report, in which format, naming staff or not.
   */
  async generate(externalId: string, query: SubjectReportQuery, actorId: string, client: RequestClient): Promise<ReportFile> {
    const report = await this.report(externalId);
    const day = report.generatedAt.slice(0, 10);
    const name = `vigie-access-report-${safeFileName(externalId)}-${day}`;
    let file: ReportFile;
    if (query.format === 'csv') {
      file = { contentType: 'text/csv; charset=utf-8', filename: `${name}.csv`, body: reportCsv(report, query.includeStaff) };
    } else if (query.format === 'pdf') {
      const body = await reportPdf(report, {
        lang: query.lang,
        includeStaff: query.includeStaff,
        controller: { name: this.config.CONTROLLER_NAME, contact: this.config.CONTROLLER_CONTACT },
        dpoContact: this.config.DPO_CONTACT,
      });
      file = { contentType: 'application/pdf', filename: `${name}.pdf`, body };
    } else {
      file = { contentType: 'application/json; charset=utf-8', filename: `${name}.json`, body: report };
    }
    await this.journal.record('subject.report_generated', {
      actorId,
      ip: client.ip,
      userAgent: client.userAgent,
      details: {
        route: 'GET /api/v1/audit/subjects/:externalId/report',
        externalId: report.subject.externalId,
        format: query.format,
        ...(query.format === 'pdf' ? { lang: query.lang } : {}),
        includeStaff: query.includeStaff,
        accesses: report.accesses.length,
      },
    });
    return file;
  }
}

/** Platform ids are `[\w.:-]`; the file name keeps what is safe in a header and on every disk. */
const safeFileName = (id: string) => id.replace(/[^\w.-]/g, '_').slice(0, 80);
