import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { toJSONSchema, ZodType, type z } from 'zod';
import { InvalidInputException } from './domain.exception';
import { fieldProblemsOf } from './field-problems';

/** A DTO class whose shape is a zod schema from `@vigie/contracts`: one schema for API, UI and clients. */
export interface ZodDto<T> {
  new (): T;
  readonly schema: ZodType<T>;
}

export function createZodDto<S extends ZodType>(schema: S): ZodDto<z.output<S>> {
  class Dto {
    static readonly schema = schema;

    // @nestjs/swagger reads a DTO's properties from this hook: the OpenAPI document shows the
    // very schema the pipe enforces.
    static _OPENAPI_METADATA_FACTORY(): Record<string, object> {
      return openApiProperties(schema);
    }
  }
  return Dto as unknown as ZodDto<z.output<S>>;
}

function openApiProperties(schema: ZodType): Record<string, object> {
  const json = toJSONSchema(schema, { target: 'openapi-3.0', io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, object>;
    required?: string[];
  };
  return Object.fromEntries(
    Object.entries(json.properties ?? {}).map(([name, property]) => [name, { ...property, required: json.required?.includes(name) ?? false }]),
  );
}

/**
 * The global validation pipe. Bodies, queries and params typed with a zod DTO are parsed by its
 * schema (strict objects: unknown fields are rejected); the 400 names every bad field, each with
 * a stable code (`FIELD_PROBLEM_CODES`).
 */
@Injectable()
export class ZodValidationPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const schema = (metadata.metatype as { schema?: unknown } | undefined)?.schema;
    if (!(schema instanceof ZodType)) return value;
    // The input stays on the issues only to tell a missing field from a wrong one; it is never answered.
    const result = schema.safeParse(value, { reportInput: true });
    if (result.success) return result.data;
    const details = fieldProblemsOf(result.error, metadata.type);
    throw new InvalidInputException(`Invalid ${metadata.type}: ${details.map((d) => `${d.field} (${d.message})`).join('; ')}`, details);
  }
}
