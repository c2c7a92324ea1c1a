import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { describeLoginRoleRisk, loginRoleRisk } from './login-role';

/**
 * Before the API serves anything: a superuser (or BYPASSRLS) login defeats DATABASE_ROLE. In
 * production the API refuses to start; elsewhere (a developer's own server, the tests' owner
 * databases) it says so loudly.
 */
@Injectable()
export class LoginRoleCheck implements OnModuleInit {
  private readonly logger = new Logger('Database');

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    const risk = await loginRoleRisk((sql) => this.dataSource.query(sql));
    if (!risk) return;
    const message = describeLoginRoleRisk(risk);
    if (this.config.NODE_ENV === 'production') throw new Error(message);
    this.logger.warn(`${message} Refused when NODE_ENV=production.`);
  }
}
