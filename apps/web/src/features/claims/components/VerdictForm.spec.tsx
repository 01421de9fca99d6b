import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DEFAULT_RATING_SCALE } from '@claimdesk/domain';
import { ApiError } from '../../../api/client';
import { withProviders } from '../../../test/render';
import { validateVerdict, VerdictForm } from './VerdictForm';

describe('validateVerdict', () => {
  it('asks for a rating and a rationale', () => {
    expect(validateVerdict({ ratingKey: '', rationale: '  ', correction: '' }, DEFAULT_RATING_SCALE, true)).toEqual({
      ratingKey: 'Rating: choose a rating',
      rationale: 'Rationale: must not be empty',
    });
  });
  it('requires a correction for ratings that need one, and not for the others', () => {
    expect(validateVerdict({ ratingKey: 'false', rationale: 'Kim Jong-Il died in 2011.', correction: '' }, DEFAULT_RATING_SCALE, true).correction).toMatch(/needs a correction/);
    expect(validateVerdict({ ratingKey: 'true', rationale: 'Confirmed.', correction: '' }, DEFAULT_RATING_SCALE, true)).toEqual({});
  });
  it('refuses a rating that is not on the workspace scale', () => {
    expect(validateVerdict({ ratingKey: 'pants-on-fire', rationale: 'x', correction: '' }, DEFAULT_RATING_SCALE, false).ratingKey).toMatch(/not on the workspace/);
  });
});

describe('VerdictForm', () => {
  it('shows the errors next to the fields and does not submit an invalid verdict', async () => {
    const onSubmit = jest.fn();
    render(withProviders(<VerdictForm ratings={DEFAULT_RATING_SCALE} onSubmit={onSubmit} />));
    await userEvent.click(screen.getByRole('button', { name: 'Propose verdict' }));
    expect(screen.getByText('Rating: choose a rating')).toBeInTheDocument();
    expect(screen.getByText('Rationale: must not be empty')).toBeInTheDocument();
    expect(screen.getByLabelText('Rating')).toHaveAttribute('aria-invalid', 'true');
    expect(onSubmit).not.toHaveBeenCalled();

    await userEvent.selectOptions(screen.getByLabelText('Rating'), 'false');
    await userEvent.type(screen.getByLabelText('Rationale'), 'Kim Jong-Il died in 2011; Putin met Kim Jong-Un.');
    await userEvent.click(screen.getByRole('button', { name: 'Propose verdict' }));
    expect(screen.getByText(/a “False” verdict needs a correction/)).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();

    await userEvent.type(screen.getByLabelText(/^Correction/), 'Putin met Kim Jong-Un in September 2023');
    await userEvent.click(screen.getByRole('button', { name: 'Propose verdict' }));
    expect(onSubmit).toHaveBeenCalledWith({ ratingKey: 'false', rationale: 'Kim Jong-Il died in 2011; Putin met Kim Jong-Un.', correction: 'Putin met Kim Jong-Un in September 2023' }, true);
  });

  it('saves a draft without proposing', async () => {
    const onSubmit = jest.fn();
    render(withProviders(<VerdictForm ratings={DEFAULT_RATING_SCALE} initial={{ ratingKey: 'unproven', rationale: 'No record either way.' }} onSubmit={onSubmit} />));
    await userEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    expect(onSubmit).toHaveBeenCalledWith({ ratingKey: 'unproven', rationale: 'No record either way.', correction: null }, false);
  });

  it('shows the server’s field error next to the field', () => {
    const error = new ApiError({ statusCode: 400, code: 'VALIDATION_FAILED', message: 'invalid verdict', details: [{ path: 'rationale', message: 'at most 20000 characters' }] });
    render(withProviders(<VerdictForm ratings={DEFAULT_RATING_SCALE} serverError={error} onSubmit={jest.fn()} />));
    expect(screen.getByText('at most 20000 characters')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
