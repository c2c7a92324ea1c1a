import { type ArgumentMetadata, BadRequestException, Injectable, type PipeTransform } from '@nestjs/common';
import { toJSONSchema, ZodType, type z } from 'zod';

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

export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * The global validation pipe. Bodies, queries and params typed with a zod DTO are parsed by its
 * schema (strict objects: unknown fields are rejected); the 400 names every bad field.
 */
@Injectable()
export class ZodValidationPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const schema = (metadata.metatype as { schema?: unknown } | undefined)?.schema;
    if (!(schema instanceof ZodType)) return value;
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    const details: FieldProblem[] = result.error.issues.map((issue) => ({
      field: issue.path.map(String).join('.') || (issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : metadata.type),
      message: issue.message,
    }));
    throw new BadRequestException({
      message: `Invalid ${metadata.type}: ${details.map((d) => `${d.field} (${d.message})`).join('; ')}`,
      details,
    });
  }
}
